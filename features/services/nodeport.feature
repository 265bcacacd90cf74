# Issue 4: NodePort Services: every node answers on the node port, the
# allocated port lies in the range, and externalTrafficPolicy decides
# whether a node without a pod forwards (and hides the client) or drops.
@NodePort
Feature: NodePort Services

  Background:
    Given a k3s cluster

  Scenario: kubectl expose --type NodePort: an allocated port in 30000-32767, on every node
    When I run:
      """
      kubectl create deployment web --image nginx
      kubectl expose deployment web --type NodePort --port 80
      """
    Then the output should be:
      """
      deployment.apps/web created
      service/web exposed
      """
    When I run "kubectl get svc web"
    Then the output should match "^web\s+NodePort\s+10\.43\.\d+\.\d+\s+<none>\s+80:(3[0-1]\d{3}|32[0-6]\d{2}|327[0-5]\d|3276[0-7])/TCP\s+\d+s$"
    When I run:
      """
      NODE_PORT=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
      curl -s 192.168.164.130:$NODE_PORT | grep title
      curl -s 192.168.164.131:$NODE_PORT | grep title
      """
    Then the output should be:
      """
      <title>Welcome to nginx!</title>
      <title>Welcome to nginx!</title>
      """

  Scenario: a NodePort Service still has its ClusterIP and port inside the cluster
    When I run:
      """
      kubectl create deployment web --image nginx
      kubectl create service nodeport web --tcp=8080:80 --node-port=30080
      kubectl run client --image nginx
      kubectl exec client -- curl -s web:8080 | grep title
      """
    Then the output should contain:
      """
      service/web created
      """
    And the output should contain "<title>Welcome to nginx!</title>"
    When I run "kubectl get svc web"
    Then the output should match "^web\s+NodePort\s+10\.43\.\d+\.\d+\s+<none>\s+8080:30080/TCP\s+\d+s$"

  Scenario: a node port is not served on the Service port, nor on the ClusterIP
    When I run:
      """
      kubectl create deployment web --image nginx
      kubectl create service nodeport web --tcp=8080:80 --node-port=30080
      curl 192.168.164.130:8080
      """
    Then the output should contain "curl: (7) Failed to connect to 192.168.164.130 port 8080 after 1 ms: Couldn't connect to server"
    And the exit code should be 7
    And the reason should contain "node master (192.168.164.130) has nothing listening on 8080/TCP"

  Scenario Outline: externalTrafficPolicy <policy>: what each node does with the node port
    Given the file "echo.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: echo
        labels:
          app: echo
      spec:
        nodeName: master
        containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.52
          args: ["netexec", "--http-port=8080"]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: echo
      spec:
        type: NodePort
        externalTrafficPolicy: <policy>
        selector:
          app: echo
        ports:
        - port: 80
          targetPort: 8080
          nodePort: 30080
      """
    When I run "kubectl apply -f echo.yaml"
    Then the command should succeed
    When I run "kubectl describe svc echo"
    Then the output should match "^External Traffic Policy:\s+<policy>$"
    When I run "curl -s 192.168.164.130:30080/clientip"
    Then the output should match "^<seen on master>:\d+$"
    When I run "curl -sS --connect-timeout 3 192.168.164.131:30080/clientip"
    Then the output should match "<worker1 answers>"

    Examples:
      | policy  | seen on master | worker1 answers                                       |
      | Cluster | 10\.42\.0\.1   | ^10\.42\.1\.0:\d+$                                    |
      | Local   | 192\.168\.164\.1 | ^curl: \(28\) Connection timed out after 3001 milliseconds$ |

  Scenario: externalTrafficPolicy Local: the node without an endpoint drops, and the reason says so
    Given the file "echo.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: echo
        labels:
          app: echo
      spec:
        nodeName: master
        containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.52
          args: ["netexec", "--http-port=8080"]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: echo
      spec:
        type: NodePort
        externalTrafficPolicy: Local
        selector:
          app: echo
        ports:
        - port: 80
          targetPort: 8080
          nodePort: 30080
      """
    When I run:
      """
      kubectl apply -f echo.yaml
      curl -sS --max-time 5 192.168.164.131:30080/hostname
      """
    Then the output should contain "curl: (28) Connection timed out after 5001 milliseconds"
    And the exit code should be 28
    And the reason should contain "externalTrafficPolicy Local: worker1 has no endpoint, so kube-proxy drops the packet"
    When I run "curl -s 192.168.164.130:30080/hostname"
    Then the output should be:
      """
      echo
      """
    # healthCheckNodePort is only allocated for type LoadBalancer
    When I run "kubectl get svc echo -o jsonpath='{.spec.healthCheckNodePort}'"
    Then the output should not match "\d"
