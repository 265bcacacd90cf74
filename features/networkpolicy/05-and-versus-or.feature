# The classic pitfall: in a `from` list, namespaceSelector and podSelector
# in ONE element (no dash before podSelector) must both match (AND); as TWO
# elements (a dash before each) either may match (OR).
@NetworkPolicy
Feature: namespaceSelector and podSelector: one peer (AND) or two peers (OR)

  Background:
    Given a k3s cluster
    When I run:
      """
      kubectl create namespace db
      kubectl create namespace monitoring
      kubectl create namespace apps
      kubectl label namespace monitoring purpose=monitoring
      kubectl run postgres -n db --image nginx --labels app=postgres
      kubectl run prometheus -n monitoring --image nginx --labels app=prometheus
      kubectl run debug -n monitoring --image nginx --labels app=debug
      kubectl run prometheus -n apps --image nginx --labels app=prometheus
      """

  Scenario: one peer with both selectors — only prometheus of the monitoring namespace
    Given the file "allow-prometheus.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-prometheus
        namespace: db
      spec:
        podSelector:
          matchLabels:
            app: postgres
        ingress:
        - from:
          - namespaceSelector:
              matchLabels:
                purpose: monitoring
            podSelector:
              matchLabels:
                app: prometheus
      """
    When I run:
      """
      kubectl apply -f allow-prometheus.yaml
      kubectl describe netpol allow-prometheus -n db
      """
    Then the output should contain:
      """
          From:
            NamespaceSelector: purpose=monitoring
            PodSelector: app=prometheus
      """
    And the reachability on TCP port 80 should be:
      | from\to               | db/postgres |
      | monitoring/prometheus | .           |
      | monitoring/debug      | X           |
      | apps/prometheus       | X           |
    When I run:
      """
      PG=$(kubectl get pod postgres -n db -o jsonpath='{.status.podIP}')
      kubectl exec -n apps prometheus -- curl -sS --max-time 5 http://$PG/
      """
    Then the exit code should be 7
    And the reason should contain "ingress to db/postgres is selected by NetworkPolicy db/allow-prometheus, and no rule allows apps/prometheus on TCP 80"

  Scenario: wrong — a dash before podSelector makes two peers, and either one lets traffic in
    Given the file "allow-prometheus.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-prometheus
        namespace: db
      spec:
        podSelector:
          matchLabels:
            app: postgres
        ingress:
        - from:
          - namespaceSelector:
              matchLabels:
                purpose: monitoring
          - podSelector:
              matchLabels:
                app: prometheus
      """
    When I run:
      """
      kubectl apply -f allow-prometheus.yaml
      kubectl describe netpol allow-prometheus -n db
      """
    Then the output should contain:
      """
          From:
            NamespaceSelector: purpose=monitoring
          From:
            PodSelector: app=prometheus
      """
    # debug is in the monitoring namespace: the first peer lets it in. The
    # second peer means app=prometheus pods of db itself, so apps/prometheus
    # stays out.
    And the reachability on TCP port 80 should be:
      | from\to               | db/postgres |
      | monitoring/prometheus | .           |
      | monitoring/debug      | .           |
      | apps/prometheus       | X           |
