# Recipe: deny all ingress in a namespace. A policy that selects every pod
# (podSelector: {}) and lists Ingress with no rules isolates them; kube-router
# (k3s's network-policy controller) rejects what no rule allows, so curl
# fails at once with exit 7 instead of timing out.
@NetworkPolicy
Feature: Deny all ingress traffic to a namespace

  Background:
    Given a k3s cluster
    When I run:
      """
      kubectl create namespace x
      kubectl create namespace y
      kubectl run a -n x --image nginx
      kubectl run b -n x --image nginx
      kubectl run a -n y --image nginx
      """

  Scenario: default-deny-ingress isolates every pod of x
    Given the file "deny.yaml" with:
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
    When I run "kubectl apply -f deny.yaml"
    Then the output should be:
      """
      networkpolicy.networking.k8s.io/default-deny-ingress created
      """
    And the reachability on TCP port 80 should be:
      | from\to | x/a | x/b | y/a |
      | x/a     | .   | X   | .   |
      | x/b     | X   | .   | .   |
      | y/a     | X   | X   | .   |
    When I run:
      """
      IP=$(kubectl get pod b -n x -o jsonpath='{.status.podIP}')
      kubectl exec -n y a -- curl -sS --max-time 5 http://$IP/
      """
    Then the exit code should be 7
    And the output should match "^curl: \(7\) Failed to connect to 10\.42\.\d+\.\d+ port 80 after \d+ ms: Couldn't connect to server$"
    And the output should contain "command terminated with exit code 7"
    And the reason should contain "ingress to x/b is selected by NetworkPolicy x/default-deny-ingress, and no rule allows y/a on TCP 80"

  Scenario: kubectl get and describe show the policy
    Given the file "deny.yaml" with:
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
      kubectl apply -f deny.yaml
      kubectl get netpol -n x
      """
    Then the output should contain:
      """
      NAME                   POD-SELECTOR   AGE
      default-deny-ingress   <none>         0s
      """
    When I run "kubectl get networkpolicies -A"
    Then the output should match "^NAMESPACE\s+NAME\s+POD-SELECTOR\s+AGE$"
    And the output should match "^x\s+default-deny-ingress\s+<none>\s+\d+s$"
    When I run "kubectl describe netpol default-deny-ingress -n x"
    Then the output should match "^Name:\s+default-deny-ingress$"
    And the output should contain:
      """
      Spec:
        PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)
        Allowing ingress traffic:
          <none> (Selected pods are isolated for ingress connectivity)
        Not affecting egress traffic
        Policy Types: Ingress
      """

  Scenario: wrong — an empty ingress rule allows everything
    # `ingress: [{}]` is one rule with no from and no ports: it matches every
    # peer on every port, the opposite of a deny.
    Given the file "deny.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: default-deny-ingress
        namespace: x
      spec:
        podSelector: {}
        ingress:
        - {}
      """
    When I run:
      """
      kubectl apply -f deny.yaml
      kubectl describe netpol default-deny-ingress -n x
      """
    Then the output should contain:
      """
        Allowing ingress traffic:
          To Port: <any> (traffic allowed to all ports)
          From: <any> (traffic not restricted by source)
      """
    And the reachability on TCP port 80 should be:
      | from\to | x/a | x/b | y/a |
      | x/a     | .   | .   | .   |
      | x/b     | .   | .   | .   |
      | y/a     | .   | .   | .   |

  Scenario: wrong — the policy written into the default namespace protects nothing in x
    # Without metadata.namespace, kubectl apply puts the policy in the
    # current namespace (default), where no pod runs.
    Given the file "deny.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: default-deny-ingress
      spec:
        podSelector: {}
        policyTypes:
        - Ingress
      """
    When I run:
      """
      kubectl apply -f deny.yaml
      kubectl get netpol -A
      """
    Then the output should match "^default\s+default-deny-ingress\s+<none>\s"
    And the reachability on TCP port 80 should be:
      | from\to | x/a | x/b | y/a |
      | x/a     | .   | .   | .   |
      | x/b     | .   | .   | .   |
      | y/a     | .   | .   | .   |
    When I run "kubectl apply -f deny.yaml -n x"
    Then the output should contain "networkpolicy.networking.k8s.io/default-deny-ingress created"
    And the reachability on TCP port 80 should be:
      | from\to | x/a | x/b | y/a |
      | x/a     | .   | X   | .   |
      | x/b     | X   | .   | .   |
      | y/a     | X   | X   | .   |
