# Recipe: allow traffic on some ports only. Ports in a policy are the
# pod's ports (the packet is judged after kube-proxy's DNAT), and protocol
# defaults to TCP.
@NetworkPolicy
Feature: Allow traffic only on some ports

  Background:
    Given a k3s cluster
    And the file "app.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
        labels:
          app: app
      spec:
        containers:
        - name: web
          image: nginx
          ports:
          - containerPort: 80
        - name: metrics
          image: registry.k8s.io/e2e-test-images/agnhost:2.52
          args: ["netexec", "--http-port=8080"]
          ports:
          - name: metrics
            containerPort: 8080
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: app
      spec:
        selector:
          app: app
        ports:
        - name: http
          port: 8000
          targetPort: 80
      """
    When I run:
      """
      kubectl apply -f app.yaml
      kubectl run client --image nginx
      """

  Scenario: only port 80 is open; the metrics port is closed to everyone
    Given the file "allow-80.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-80
      spec:
        podSelector:
          matchLabels:
            app: app
        ingress:
        - ports:
          - port: 80
      """
    When I run:
      """
      kubectl apply -f allow-80.yaml
      kubectl get netpol allow-80 -o jsonpath='{.spec.ingress[0].ports[0].protocol}{"\n"}'
      """
    Then the output should contain:
      """
      networkpolicy.networking.k8s.io/allow-80 created
      TCP
      """
    And the reachability on TCP port 80 should be:
      | from\to        | default/app |
      | default/client | .           |
    And the reachability on TCP port 8080 should be:
      | from\to        | default/app |
      | default/client | X           |
    When I run "kubectl exec client -- curl -s -o /dev/null -w '%{http_code}\n' app:8000"
    Then the output should be:
      """
      200
      """
    When I run:
      """
      APP=$(kubectl get pod app -o jsonpath='{.status.podIP}')
      kubectl exec client -- curl -sS --max-time 5 http://$APP:8080/hostname
      """
    Then the exit code should be 7
    And the reason should contain "ingress to default/app is selected by NetworkPolicy default/allow-80, and no rule allows default/client on TCP 8080"

  Scenario: a named port is the container's port name
    Given the file "allow-metrics.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-metrics
      spec:
        podSelector:
          matchLabels:
            app: app
        ingress:
        - ports:
          - port: metrics
      """
    When I run "kubectl apply -f allow-metrics.yaml"
    Then the reachability on TCP port 8080 should be:
      | from\to        | default/app |
      | default/client | .           |
    And the reachability on TCP port 80 should be:
      | from\to        | default/app |
      | default/client | X           |

  Scenario: wrong — the Service's port is not the pod's port
    # The client talks to app:8000, but kube-proxy rewrites the destination
    # to the pod's port 80 before kube-router looks: port 8000 matches nothing.
    Given the file "allow-80.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-80
      spec:
        podSelector:
          matchLabels:
            app: app
        ingress:
        - ports:
          - port: 8000
      """
    When I run:
      """
      kubectl apply -f allow-80.yaml
      kubectl exec client -- curl -sS --max-time 5 app:8000
      """
    Then the exit code should be 7
    And the output should contain "curl: (7) Failed to connect to app port 8000 after"
    And the reason should contain "ingress to default/app is selected by NetworkPolicy default/allow-80, and no rule allows default/client on TCP 80"

  Scenario: wrong — protocol UDP leaves the TCP port closed
    Given the file "allow-80.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-80
      spec:
        podSelector:
          matchLabels:
            app: app
        ingress:
        - ports:
          - port: 80
            protocol: UDP
      """
    When I run:
      """
      kubectl apply -f allow-80.yaml
      kubectl describe netpol allow-80
      """
    Then the output should contain "    To Port: 80/UDP"
    And the reachability on TCP port 80 should be:
      | from\to        | default/app |
      | default/client | X           |
