# An egress NetworkPolicy that does not allow port 53 breaks every lookup:
# kube-router rejects the query (ICMP port unreachable), and each tool says
# so in its own words.
@DNS @ClusterIP @NetworkPolicy
Feature: Egress policy and port 53

  Background:
    Given a k3s cluster
    And the file "deny-egress.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-egress
      spec:
        podSelector:
          matchLabels:
            run: client
        policyTypes:
        - Egress
      """
    And the file "allow-dns.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-dns
      spec:
        podSelector:
          matchLabels:
            run: client
        policyTypes:
        - Egress
        egress:
        - to:
          - namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: kube-system
            podSelector:
              matchLabels:
                k8s-app: kube-dns
          ports:
          - protocol: UDP
            port: 53
          - protocol: TCP
            port: 53
      """
    When I run:
      """
      kubectl run mynginx --image nginx
      kubectl expose pod mynginx --port 80 --name myservice
      kubectl run client --image nginx
      kubectl exec client -- sh -c "apt update && apt install -y dnsutils" > /dev/null 2>&1
      kubectl run bb --image busybox --labels run=client -- sleep 3600
      kubectl apply -f deny-egress.yaml
      """

  Scenario: nslookup: three communications errors, exit 1
    When I run "kubectl exec client -- nslookup myservice"
    Then the exit code should be 1
    And the output should be:
      """
      ;; communications error to 10.43.0.10#53: connection refused
      ;; communications error to 10.43.0.10#53: connection refused
      ;; communications error to 10.43.0.10#53: connection refused
      ;; no servers could be reached

      command terminated with exit code 1
      """
    And the reason should contain "deny-egress"

  Scenario: dig: the errors, then its command line, exit 9
    When I run "kubectl exec client -- dig myservice.default.svc.cluster.local"
    Then the exit code should be 9
    And the output should be:
      """
      ;; communications error to 10.43.0.10#53: connection refused
      ;; communications error to 10.43.0.10#53: connection refused
      ;; communications error to 10.43.0.10#53: connection refused

      ; <<>> DiG 9.18.41-1~deb12u1-Debian <<>> myservice.default.svc.cluster.local
      ;; global options: +cmd
      ;; no servers could be reached
      command terminated with exit code 9
      """

  Scenario: host tries twice, exit 1
    When I run "kubectl exec client -- host myservice"
    Then the exit code should be 1
    And the output should be:
      """
      ;; communications error to 10.43.0.10#53: connection refused
      ;; communications error to 10.43.0.10#53: connection refused
      ;; no servers could be reached
      command terminated with exit code 1
      """

  Scenario: getent and curl cannot resolve either
    When I run "kubectl exec client -- getent hosts myservice"
    Then the exit code should be 2
    And the reason should contain "deny-egress"
    When I run "kubectl exec client -- curl -sS myservice"
    Then the exit code should be 6
    And the output should contain "curl: (6) Could not resolve host: myservice"

  Scenario: busybox nslookup reports the refusals, then gives up
    When I run "kubectl exec bb -- nslookup myservice"
    Then the exit code should be 1
    And the output should contain "nslookup: read: Connection refused"
    And the output should contain ";; connection timed out; no servers could be reached"

  Scenario: the policy does not touch pods it does not select
    When I run:
      """
      kubectl run other --image busybox -- sleep 3600
      kubectl exec other -- nslookup -type=a myservice.default.svc.cluster.local
      """
    Then the command should succeed
    And the output should contain "Name:	myservice.default.svc.cluster.local"

  Scenario: allowing port 53 to CoreDNS brings the names back
    When I run:
      """
      kubectl apply -f allow-dns.yaml
      kubectl exec client -- nslookup myservice
      """
    Then the command should succeed
    And the output should contain "networkpolicy.networking.k8s.io/allow-dns created"
    And the output should contain "Name:	myservice.default.svc.cluster.local"
    When I run "kubectl exec client -- curl -sS --connect-timeout 2 myservice"
    Then the command should fail
    And the output should not contain "Could not resolve host"
