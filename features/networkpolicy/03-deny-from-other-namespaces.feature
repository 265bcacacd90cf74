# Recipe: accept traffic from pods of the same namespace only. A peer with
# `podSelector: {}` alone means every pod of the policy's own namespace.
@NetworkPolicy
Feature: Deny traffic from other namespaces

  Background:
    Given a k3s cluster
    When I run:
      """
      kubectl create namespace prod
      kubectl create namespace dev
      kubectl run web -n prod --image nginx
      kubectl run db -n prod --image nginx
      kubectl run tester -n dev --image nginx
      kubectl run client --image nginx
      """

  Scenario: prod accepts only its own pods
    Given the file "deny-from-other-namespaces.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-from-other-namespaces
        namespace: prod
      spec:
        podSelector: {}
        ingress:
        - from:
          - podSelector: {}
      """
    When I run "kubectl apply -f deny-from-other-namespaces.yaml"
    Then the reachability on TCP port 80 should be:
      | from\to        | prod/web | prod/db | dev/tester | default/client |
      | prod/web       | .        | .       | .          | .              |
      | prod/db        | .        | .       | .          | .              |
      | dev/tester     | X        | X       | .          | .              |
      | default/client | X        | X       | .          | .              |
    When I run:
      """
      DB=$(kubectl get pod db -n prod -o jsonpath='{.status.podIP}')
      kubectl exec client -- curl -sS --max-time 5 http://$DB/
      """
    Then the exit code should be 7
    And the reason should contain "ingress to prod/db is selected by NetworkPolicy prod/deny-from-other-namespaces, and no rule allows default/client on TCP 80"

  Scenario: wrong — namespaceSelector: {} admits every namespace
    # An empty namespaceSelector matches all namespaces: the policy allows
    # every pod of the cluster, as if there were none.
    Given the file "deny-from-other-namespaces.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-from-other-namespaces
        namespace: prod
      spec:
        podSelector: {}
        ingress:
        - from:
          - namespaceSelector: {}
      """
    When I run:
      """
      kubectl apply -f deny-from-other-namespaces.yaml
      kubectl describe netpol deny-from-other-namespaces -n prod
      """
    Then the output should contain:
      """
          From:
            NamespaceSelector: <none>
      """
    And the reachability on TCP port 80 should be:
      | from\to        | prod/web | prod/db |
      | dev/tester     | .        | .       |
      | default/client | .        | .       |
