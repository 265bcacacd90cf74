# Issue 4: the classic student mistakes with Services, each with what the
# cluster really prints and the reason the model gives in plain words.
Feature: Classic Service mistakes

  Background:
    Given a k3s cluster

  @ClusterIP
  Scenario: a selector typo: the Service has no endpoints, kube-proxy rejects
    When I run:
      """
      kubectl run web --image nginx --labels app=web
      kubectl expose pod web --port 80 --selector app=wbe
      kubectl run client --image nginx
      """
    Then the output should contain "service/web exposed"
    When I run "kubectl get endpoints web"
    Then the output should match "^web\s+<none>\s+\d+s$"
    When I run "kubectl describe svc web"
    Then the output should match "^Selector:\s+app=wbe$"
    When I run "kubectl exec client -- curl -sS web"
    Then the output should be:
      """
      curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server
      command terminated with exit code 7
      """
    And the exit code should be 7
    And the reason should contain "service web has no endpoints: its selector app=wbe matches no pod in namespace default"
    And the reason should contain "pod web has labels app=web"

  @ClusterIP
  Scenario: a wrong targetPort: the pod refuses, it listens elsewhere
    When I run:
      """
      kubectl run web --image nginx --labels app=web
      kubectl expose pod web --port 80 --target-port 8080
      kubectl run client --image nginx
      """
    Then the command should succeed
    When I run "kubectl get endpoints web"
    Then the output should match "^web\s+10\.42\.\d+\.\d+:8080\s+\d+s$"
    When I run "kubectl exec client -- curl -sS web"
    Then the output should match "^curl: \(7\) Failed to connect to web port 80 after \d+ ms: Couldn't connect to server$"
    And the output should contain "command terminated with exit code 7"
    And the reason should contain "pod web listens on 80, not on targetPort 8080 of service default/web"

  @ClusterIP
  Scenario: the Service in one namespace, the pods in another: a selector never crosses namespaces
    When I run:
      """
      kubectl create namespace shop
      kubectl run api --image nginx --labels app=api -n shop
      kubectl create service clusterip api --tcp=80:80
      kubectl run client --image nginx
      """
    Then the output should contain:
      """
      namespace/shop created
      pod/api created
      service/api created
      """
    When I run "kubectl get endpoints api"
    Then the output should match "^api\s+<none>\s+\d+s$"
    When I run "kubectl exec client -- curl -sS api"
    Then the output should contain "curl: (7) Failed to connect to api port 80 after 0 ms: Couldn't connect to server"
    And the reason should contain "its selector app=api matches no pod in namespace default"
    And the reason should contain "pod api in namespace shop matches, but a Service only selects pods of its own namespace"

  @ClusterIP
  Scenario: a Service of another namespace, called by its short name: the name does not resolve
    When I run:
      """
      kubectl create namespace shop
      kubectl run api --image nginx --labels app=api -n shop
      kubectl expose pod api --port 80 -n shop
      kubectl run client --image nginx
      kubectl exec client -- curl -sS api
      """
    Then the output should contain:
      """
      curl: (6) Could not resolve host: api
      command terminated with exit code 6
      """
    And the reason should contain "NXDOMAIN"
    When I run "kubectl exec client -- curl -s api.shop | grep title"
    Then the output should be:
      """
      <title>Welcome to nginx!</title>
      """

  @ClusterIP
  Scenario: port and targetPort mixed up: the ClusterIP has no rule for the container's port
    When I run:
      """
      kubectl run web --image nginx
      kubectl expose pod web --port 8080 --target-port 80
      kubectl run client --image nginx
      kubectl exec client -- curl -sS --connect-timeout 3 web:80
      """
    Then the output should contain:
      """
      curl: (28) Connection timed out after 3001 milliseconds
      command terminated with exit code 28
      """
    And the exit code should be 28
    And the reason should contain "is the ClusterIP of service default/web, which has no port 80/TCP (its ports: 8080/TCP)"
    When I run "kubectl exec client -- curl -s web:8080 | grep title"
    Then the output should be:
      """
      <title>Welcome to nginx!</title>
      """

  @NodePort
  Scenario: port and nodePort mixed up: from outside, the node answers only on the node port
    Given the file "np.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: NodePort
        selector:
          run: web
        ports:
        - port: 8080
          targetPort: 80
          nodePort: 30080
      """
    When I run:
      """
      kubectl run web --image nginx
      kubectl apply -f np.yaml
      curl 192.168.164.130:8080
      """
    Then the output should contain "curl: (7) Failed to connect to 192.168.164.130 port 8080 after 1 ms: Couldn't connect to server"
    And the exit code should be 7
    And the reason should contain "node master (192.168.164.130) has nothing listening on 8080/TCP (no NodePort or load-balancer port there)"
    When I run "curl -s 192.168.164.130:30080 | grep title"
    Then the output should be:
      """
      <title>Welcome to nginx!</title>
      """

  @NodePort
  Scenario: the node port on the ClusterIP, from a pod: the ClusterIP only knows the Service port
    When I run:
      """
      kubectl run web --image nginx
      kubectl create service nodeport web --tcp=8080:80 --node-port=30080
      kubectl run client --image nginx
      kubectl exec client -- curl -sS --connect-timeout 2 web:30080
      """
    Then the output should contain "curl: (28) Connection timed out after 2001 milliseconds"
    And the reason should contain "which has no port 30080/TCP (its ports: 8080/TCP)"

  @NodePort
  Scenario Outline: a nodePort outside 30000-32767 is rejected by the API server
    Given the file "np.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: NodePort
        selector:
          run: web
        ports:
        - port: 80
          nodePort: <nodePort>
      """
    When I run "kubectl apply -f np.yaml"
    Then the output should be:
      """
      The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: <nodePort>: provided port is not in the valid range. The range of valid ports is 30000-32767
      """
    And the exit code should be 1
    When I run "kubectl get svc web"
    Then the output should be:
      """
      Error from server (NotFound): services "web" not found
      """

    Examples:
      | nodePort |
      | 40000    |
      | 8080     |
      | 29999    |
      | 32768    |

  @NodePort
  Scenario: a nodePort out of range on the command line
    When I run "kubectl create service nodeport web --tcp=80:80 --node-port=40000"
    Then the output should be:
      """
      error: failed to create NodePort service: Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767
      """
    And the exit code should be 1

  @NodePort
  Scenario: the same nodePort twice: the second Service is rejected
    Given the file "np.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: NodePort
        selector:
          run: web
        ports:
        - port: 80
          nodePort: 30080
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web2
      spec:
        type: NodePort
        selector:
          run: web
        ports:
        - port: 80
          nodePort: 30080
      """
    When I run "kubectl apply -f np.yaml"
    Then the output should be:
      """
      service/web created
      The Service "web2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated
      """
    And the exit code should be 1

  @ClusterIP
  Scenario: a nodePort on a ClusterIP Service is forbidden
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          run: web
        ports:
        - port: 80
          nodePort: 30080
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      The Service "web" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'
      """
    And the exit code should be 1

  @ClusterIP
  Scenario: the pod's IP from outside the cluster: only the nodes are on the LAN
    When I run:
      """
      kubectl run web --image nginx
      POD_IP=$(kubectl get pod web -o jsonpath='{.status.podIP}')
      curl -sS --connect-timeout 3 $POD_IP
      """
    Then the output should contain:
      """
      pod/web created
      curl: (28) Connection timed out after 3001 milliseconds
      """
    And the exit code should be 28
    And the reason should contain "reachable only inside the cluster"
