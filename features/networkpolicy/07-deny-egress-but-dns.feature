# Recipe: deny all egress except DNS. Once a policy selects a pod for
# Egress, every packet it sends must be allowed by a rule, DNS queries to
# kube-dns (53/UDP, and 53/TCP for long answers) included.
@NetworkPolicy @DNS
Feature: Deny all egress traffic except DNS

  Background:
    Given a k3s cluster
    When I run:
      """
      kubectl run web --image nginx --expose --port 80
      kubectl run client --image busybox -- sleep 3600
      kubectl run tools --image nicolaka/netshoot -- sleep 3600
      """

  Scenario: names resolve, but nothing else leaves the pods
    Given the file "deny-egress-but-dns.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-egress-but-dns
      spec:
        podSelector: {}
        policyTypes:
        - Egress
        egress:
        - ports:
          - port: 53
            protocol: UDP
          - port: 53
            protocol: TCP
      """
    When I run:
      """
      kubectl apply -f deny-egress-but-dns.yaml
      kubectl exec tools -- nslookup web
      """
    Then the command should succeed
    And the output should contain:
      """
      Name:	web.default.svc.cluster.local
      Address: 10.43.
      """
    When I run "kubectl exec client -- wget -qO- -T 2 http://web"
    Then the command should fail
    And the output should contain "wget: can't connect to remote host"
    And the reason should contain "egress from default/client is selected by NetworkPolicy default/deny-egress-but-dns, and no rule allows default/web"
    When I run "kubectl exec tools -- curl -sS --max-time 5 http://web"
    Then the exit code should be 7
    And the output should contain "command terminated with exit code 7"

  Scenario: kubectl describe shows the egress rule and no ingress effect
    Given the file "deny-egress-but-dns.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-egress-but-dns
      spec:
        podSelector: {}
        policyTypes:
        - Egress
        egress:
        - ports:
          - port: 53
            protocol: UDP
          - port: 53
            protocol: TCP
      """
    When I run:
      """
      kubectl apply -f deny-egress-but-dns.yaml
      kubectl describe netpol deny-egress-but-dns
      """
    Then the output should contain:
      """
        Not affecting ingress traffic
        Allowing egress traffic:
          To Port: 53/UDP
          To Port: 53/TCP
          To: <any> (traffic not restricted by destination)
        Policy Types: Egress
      """

  Scenario: wrong — deny all egress forgets DNS, and every name lookup fails
    Given the file "deny-egress-but-dns.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-egress-but-dns
      spec:
        podSelector: {}
        policyTypes:
        - Egress
      """
    When I run:
      """
      kubectl apply -f deny-egress-but-dns.yaml
      kubectl exec tools -- nslookup web
      """
    Then the exit code should be 1
    And the output should contain ";; communications error to 10.43.0.10#53: connection refused"
    And the output should contain ";; no servers could be reached"
    And the reason should contain "egress from default/tools is selected by NetworkPolicy default/deny-egress-but-dns, and no rule allows kube-system/coredns"
    When I run "kubectl exec client -- nslookup web"
    Then the exit code should be 1
    And the output should contain ";; connection timed out; no servers could be reached"
    When I run "kubectl exec tools -- curl -sS --max-time 5 http://web"
    Then the exit code should be 6
    And the output should contain "curl: (6) Could not resolve host: web"
