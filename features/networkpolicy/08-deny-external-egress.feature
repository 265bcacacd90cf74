# Recipe: keep pods inside the cluster. Egress is allowed to DNS and to any
# pod of any namespace (namespaceSelector: {}); addresses outside the
# cluster match no rule, so kube-router rejects them.
@NetworkPolicy
Feature: Deny egress traffic to the outside world

  Background:
    Given a k3s cluster
    When I run:
      """
      kubectl create namespace other
      kubectl run web -n other --image nginx --expose --port 80
      kubectl run client --image nginx
      kubectl exec client -- curl -s -o /dev/null -w '%{http_code}\n' http://google.com
      """
    Then the output should contain "301"

  Scenario: in-cluster traffic flows, google.com is rejected
    Given the file "deny-external-egress.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-external-egress
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
        - to:
          - namespaceSelector: {}
      """
    When I run:
      """
      kubectl apply -f deny-external-egress.yaml
      kubectl exec client -- curl -s -o /dev/null -w '%{http_code}\n' http://web.other
      """
    Then the output should contain "200"
    When I run "kubectl exec client -- curl -sS --max-time 5 http://google.com"
    Then the exit code should be 7
    And the output should contain "curl: (7) Failed to connect to google.com port 80 after"
    And the reason should contain "egress from default/client is selected by NetworkPolicy default/deny-external-egress, and no rule allows 142.250.196.110 on TCP 80"

  Scenario: wrong — podSelector: {} in `to` also cuts off the other namespaces
    # A podSelector peer alone means pods of the policy's own namespace.
    Given the file "deny-external-egress.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-external-egress
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
        - to:
          - podSelector: {}
      """
    When I run:
      """
      kubectl apply -f deny-external-egress.yaml
      kubectl exec client -- curl -sS --max-time 5 http://web.other
      """
    Then the exit code should be 7
    And the reason should contain "egress from default/client is selected by NetworkPolicy default/deny-external-egress, and no rule allows other/web"
    And the reachability on TCP port 80 should be:
      | from\to        | other/web | default/client |
      | default/client | X         | .              |
      | other/web      | .         | .              |
