# Recipe: allow traffic from one namespace. A namespaceSelector matches the
# labels of namespaces; every namespace carries
# kubernetes.io/metadata.name=<its name>, other labels must be added.
@NetworkPolicy
Feature: Allow traffic from one namespace

  Background:
    Given a k3s cluster
    When I run:
      """
      kubectl create namespace backend
      kubectl create namespace frontend
      kubectl create namespace tools
      kubectl run api -n backend --image nginx
      kubectl run ui -n frontend --image nginx
      kubectl run shell -n tools --image nginx
      """

  Scenario: backend admits the frontend namespace, selected by its name label
    Given the file "allow-frontend.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-frontend
        namespace: backend
      spec:
        podSelector: {}
        ingress:
        - from:
          - namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: frontend
      """
    When I run:
      """
      kubectl apply -f allow-frontend.yaml
      kubectl get ns frontend --show-labels
      """
    Then the output should match "^frontend\s+Active\s+\S+\s+kubernetes.io/metadata.name=frontend$"
    And the reachability on TCP port 80 should be:
      | from\to     | backend/api | frontend/ui | tools/shell |
      | backend/api | .           | .           | .           |
      | frontend/ui | .           | .           | .           |
      | tools/shell | X           | .           | .           |
    When I run:
      """
      API=$(kubectl get pod api -n backend -o jsonpath='{.status.podIP}')
      kubectl exec -n tools shell -- curl -sS --max-time 5 http://$API/
      """
    Then the exit code should be 7
    And the reason should contain "ingress to backend/api is selected by NetworkPolicy backend/allow-frontend, and no rule allows tools/shell on TCP 80"

  Scenario: wrong — a namespace label nobody set: nothing gets in until the namespace is labelled
    Given the file "allow-frontend.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-frontend
        namespace: backend
      spec:
        podSelector: {}
        ingress:
        - from:
          - namespaceSelector:
              matchLabels:
                team: frontend
      """
    When I run "kubectl apply -f allow-frontend.yaml"
    Then the reachability on TCP port 80 should be:
      | from\to     | backend/api |
      | frontend/ui | X           |
      | tools/shell | X           |
    When I run "kubectl label namespace frontend team=frontend"
    Then the output should be:
      """
      namespace/frontend labeled
      """
    And the reachability on TCP port 80 should be:
      | from\to     | backend/api |
      | frontend/ui | .           |
      | tools/shell | X           |
