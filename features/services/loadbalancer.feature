# Issue 4: LoadBalancer Services on k3s: servicelb (klipper-lb) holds the
# Service port on every node through svclb pods; a port already held stays
# <pending>; without servicelb every LoadBalancer stays <pending> and only
# its node port answers.
@LoadBalancer
Feature: LoadBalancer Services

  Scenario: kubectl expose --type LoadBalancer: every node's IP becomes an external IP
    Given a k3s cluster
    When I run:
      """
      kubectl create deployment web --image nginx
      kubectl expose deployment web --type LoadBalancer --port 8080 --target-port 80
      """
    Then the output should be:
      """
      deployment.apps/web created
      service/web exposed
      """
    When I run "kubectl get svc web"
    Then the output should match "^web\s+LoadBalancer\s+10\.43\.\d+\.\d+\s+192\.168\.164\.130,192\.168\.164\.131\s+8080:3\d{4}/TCP\s+\d+s$"
    When I run:
      """
      curl -s 192.168.164.130:8080 | grep title
      curl -s 192.168.164.131:8080 | grep title
      """
    Then the output should be:
      """
      <title>Welcome to nginx!</title>
      <title>Welcome to nginx!</title>
      """
    When I run "kubectl get pods -n kube-system -l svccontroller.k3s.cattle.io/svcname=web -o wide"
    Then the output should match "^svclb-web-[a-z0-9]{8}-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\d+s\s+10\.42\.0\.\d+\s+master\s"
    And the output should match "^svclb-web-[a-z0-9]{8}-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\d+s\s+10\.42\.1\.\d+\s+worker1\s"

  Scenario: a LoadBalancer is also a NodePort and a ClusterIP
    Given a k3s cluster
    When I run:
      """
      kubectl create deployment web --image nginx
      kubectl expose deployment web --type LoadBalancer --port 8080 --target-port 80
      NODE_PORT=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
      curl -s 192.168.164.131:$NODE_PORT | grep title
      kubectl run client --image nginx
      kubectl exec client -- curl -s web:8080 | grep title
      """
    Then the output should contain:
      """
      <title>Welcome to nginx!</title>
      pod/client created
      <title>Welcome to nginx!</title>
      """

  Scenario: a second LoadBalancer on the same port stays <pending>: servicelb's hostPort is taken
    Given a k3s cluster
    When I run:
      """
      kubectl create deployment web --image nginx
      kubectl expose deployment web --type LoadBalancer --port 8080 --target-port 80
      kubectl expose deployment web --type LoadBalancer --port 8080 --target-port 80 --name web2
      """
    Then the command should succeed
    When I run "kubectl get svc web2"
    Then the output should match "^web2\s+LoadBalancer\s+10\.43\.\d+\.\d+\s+<pending>\s+8080:3\d{4}/TCP\s+\d+s$"
    When I run "kubectl get pods -n kube-system -l svccontroller.k3s.cattle.io/svcname=web2"
    Then the output should match "^svclb-web2-[a-z0-9]{8}-[a-z0-9]{5}\s+0/1\s+Pending\s+0\s+\d+s$"
    And the output should not match "Running"
    When I run "kubectl get events -n kube-system --field-selector reason=FailedScheduling"
    Then the output should contain "0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling."
    # curl on the port reaches the first Service, which holds it
    When I run "curl -s -o /dev/null -w '%{http_code}' 192.168.164.130:8080"
    Then the output should be:
      """
      200
      """

  Scenario: port 80 is traefik's: a LoadBalancer on port 80 stays <pending> on a stock k3s
    Given a k3s cluster
    When I run:
      """
      kubectl create deployment web --image nginx
      kubectl expose deployment web --type LoadBalancer --port 80
      kubectl get svc web
      """
    Then the output should match "^web\s+LoadBalancer\s+10\.43\.\d+\.\d+\s+<pending>\s+80:3\d{4}/TCP\s+\d+s$"
    When I run "curl -s 192.168.164.130"
    Then the output should be:
      """
      404 page not found
      """

  Scenario: with --disable=traefik, port 80 is free for your LoadBalancer
    Given a k3s cluster started with "--disable=traefik"
    When I run:
      """
      kubectl create deployment web --image nginx
      kubectl expose deployment web --type LoadBalancer --port 80
      kubectl get svc web
      """
    Then the output should match "^web\s+LoadBalancer\s+10\.43\.\d+\.\d+\s+192\.168\.164\.130,192\.168\.164\.131\s+80:3\d{4}/TCP\s+\d+s$"
    When I run "curl -s 192.168.164.130 | grep title"
    Then the output should be:
      """
      <title>Welcome to nginx!</title>
      """

  Scenario: with --disable=servicelb, a LoadBalancer stays <pending> and only its node port answers
    Given a k3s cluster started with "--disable=servicelb"
    When I run:
      """
      kubectl create deployment web --image nginx
      kubectl expose deployment web --type LoadBalancer --port 8080 --target-port 80
      """
    Then the command should succeed
    When I run "kubectl get svc web"
    Then the output should match "^web\s+LoadBalancer\s+10\.43\.\d+\.\d+\s+<pending>\s+8080:3\d{4}/TCP\s+\d+s$"
    When I run "kubectl get pods -n kube-system"
    Then the output should not contain "svclb-"
    When I run "curl 192.168.164.130:8080"
    Then the output should be:
      """
      curl: (7) Failed to connect to 192.168.164.130 port 8080 after 1 ms: Couldn't connect to server
      """
    And the exit code should be 7
    When I run:
      """
      NODE_PORT=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
      curl -s 192.168.164.130:$NODE_PORT | grep title
      """
    Then the output should be:
      """
      <title>Welcome to nginx!</title>
      """

  Scenario: externalTrafficPolicy Local on a LoadBalancer: a health-check node port, the client IP kept
    Given a k3s cluster
    And the file "lb.yaml" with:
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
        type: LoadBalancer
        externalTrafficPolicy: Local
        selector:
          app: echo
        ports:
        - port: 8080
      """
    When I run "kubectl apply -f lb.yaml"
    Then the command should succeed
    When I run "kubectl get svc echo -o jsonpath='{.spec.healthCheckNodePort}'"
    Then the output should match "^3\d{4}$"
    When I run "curl -s 192.168.164.130:8080/clientip"
    Then the output should match "^192\.168\.164\.1:\d+$"
    When I run "curl -sS --connect-timeout 2 192.168.164.131:8080/clientip"
    Then the output should be:
      """
      curl: (28) Connection timed out after 2001 milliseconds
      """
    And the reason should contain "externalTrafficPolicy Local: worker1 has no endpoint"
