# k3s started with --disable-network-policy runs no network-policy
# controller: the API server still stores NetworkPolicies (kubectl shows
# them), but nothing enforces them and flannel carries every packet.
@NetworkPolicy
Feature: A cluster without a network-policy controller

  Scenario: the same policy on a cluster started with --disable-network-policy changes nothing
    Given a k3s cluster started with "--disable-network-policy"
    And the file "deny.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: default-deny-ingress
        namespace: x
      spec:
        podSelector: {}
        policyTypes:
        - Ingress
      """
    When I run:
      """
      kubectl create namespace x
      kubectl run a -n x --image nginx
      kubectl run b -n x --image nginx
      kubectl apply -f deny.yaml
      kubectl get netpol -n x
      """
    Then the output should contain "networkpolicy.networking.k8s.io/default-deny-ingress created"
    And the output should match "^default-deny-ingress\s+<none>\s"
    And the reachability on TCP port 80 should be:
      | from\to | x/a | x/b |
      | x/a     | .   | .   |
      | x/b     | .   | .   |
    When I run:
      """
      IP=$(kubectl get pod b -n x -o jsonpath='{.status.podIP}')
      kubectl exec -n x a -- curl -s -o /dev/null -w '%{http_code}\n' http://$IP/
      """
    Then the command should succeed
    And the output should be:
      """
      200
      """
