# Issue 4: a ClusterIP Service end to end: kubectl expose, kubectl run --expose,
# load balancing over a Deployment, session affinity, internalTrafficPolicy,
# and a Service without selector whose endpoints are written by hand.
@ClusterIP
Feature: ClusterIP Services

  Background:
    Given a k3s cluster

  Scenario: kubectl expose deployment: one ClusterIP in front of three agnhost pods
    When I run:
      """
      kubectl create deployment web --image registry.k8s.io/e2e-test-images/agnhost:2.52 --replicas 3 -- /agnhost netexec --http-port=8080
      kubectl expose deployment web --port 80 --target-port 8080
      """
    Then the output should be:
      """
      deployment.apps/web created
      service/web exposed
      """
    When I run "kubectl get svc web"
    Then the output should match "^web\s+ClusterIP\s+10\.43\.\d+\.\d+\s+<none>\s+80/TCP\s+\d+s$"
    When I run "kubectl get endpoints web"
    Then the output should match "^web\s+10\.42\.\d+\.\d+:8080,10\.42\.\d+\.\d+:8080,10\.42\.\d+\.\d+:8080\s+\d+s$"
    When I run "kubectl get svc web -o jsonpath='{.spec.selector}'"
    Then the output should be:
      """
      {"app":"web"}
      """
    When I run:
      """
      kubectl run client --image nginx
      kubectl exec client -- curl -s web/hostname
      """
    Then the command should succeed
    And the output should match "^pod/client created\nweb-[a-z0-9]{8,10}-[a-z0-9]{5}$"

  Scenario: kubectl run --expose creates the pod and its Service, selecting run=NAME
    When I run "kubectl run web --image nginx --port 80 --expose"
    Then the output should be:
      """
      service/web created
      pod/web created
      """
    When I run "kubectl get svc web -o jsonpath='{.spec.selector.run} {.spec.ports[0].port} {.spec.ports[0].targetPort}'"
    Then the output should be:
      """
      web 80 80
      """
    When I run "kubectl get pod web --show-labels"
    Then the output should match "^web\s+1/1\s+Running\s+0\s+\d+s\s+run=web$"
    When I run:
      """
      kubectl run client --image curlimages/curl -- sleep 3600
      kubectl exec client -- curl -s web | grep title
      """
    Then the output should contain "<title>Welcome to nginx!</title>"

  Scenario: the Service name resolves to the ClusterIP, the port is the Service's port
    When I run:
      """
      kubectl run web --image nginx --port 80 --expose
      kubectl run client --image nginx
      CIP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')
      kubectl exec client -- curl -s -o /dev/null -w '%{remote_ip} %{http_code}' web
      """
    Then the output should match "^10\.43\.\d+\.\d+ 200$"
    And the output should contain "$CIP 200"

  Scenario: sessionAffinity ClientIP keeps one client on one pod
    Given the file "sticky.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: sticky
      spec:
        selector:
          app: web
        sessionAffinity: ClientIP
        ports:
        - port: 80
          targetPort: 8080
      """
    When I run:
      """
      kubectl create deployment web --image registry.k8s.io/e2e-test-images/agnhost:2.52 --replicas 3 -- /agnhost netexec --http-port=8080
      kubectl apply -f sticky.yaml
      kubectl run client --image nginx
      """
    Then the command should succeed
    When I run "kubectl describe svc sticky"
    Then the output should match "^Session Affinity:\s+ClientIP$"
    When I run "kubectl get svc sticky -o jsonpath='{.spec.sessionAffinityConfig.clientIP.timeoutSeconds}'"
    Then the output should be:
      """
      10800
      """
    When I run:
      """
      kubectl exec client -- curl -s sticky/hostname; echo
      kubectl exec client -- curl -s sticky/hostname; echo
      kubectl exec client -- curl -s sticky/hostname; echo
      kubectl exec client -- curl -s sticky/hostname; echo
      kubectl exec client -- curl -s sticky/hostname; echo
      kubectl exec client -- curl -s sticky/hostname; echo
      """
    Then the output should match "^(web-[a-z0-9]+-[a-z0-9]{5})\n\1\n\1\n\1\n\1\n\1$"

  Scenario: internalTrafficPolicy Local: only endpoints on the client's own node
    Given the file "local.yaml" with:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            nodeSelector:
              kubernetes.io/hostname: master
            containers:
            - name: agnhost
              image: registry.k8s.io/e2e-test-images/agnhost:2.52
              args: ["netexec", "--http-port=8080"]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web-local
      spec:
        internalTrafficPolicy: Local
        selector:
          app: web
        ports:
        - port: 80
          targetPort: 8080
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: on-master
      spec:
        nodeName: master
        containers:
        - name: curl
          image: curlimages/curl
          command: ["sleep", "3600"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: on-worker
      spec:
        nodeName: worker1
        containers:
        - name: curl
          image: curlimages/curl
          command: ["sleep", "3600"]
      """
    When I run "kubectl apply -f local.yaml"
    Then the command should succeed
    When I run "kubectl describe svc web-local"
    Then the output should match "^Internal Traffic Policy:\s+Local$"
    When I run "kubectl exec on-master -- curl -s web-local/hostname"
    Then the command should succeed
    And the output should match "^web-[a-z0-9]+-[a-z0-9]{5}$"
    When I run "kubectl exec on-worker -- curl -sS --connect-timeout 2 web-local/hostname"
    Then the output should be:
      """
      curl: (28) Connection timed out after 2001 milliseconds
      command terminated with exit code 28
      """
    And the exit code should be 28
    And the reason should contain "internalTrafficPolicy Local: node worker1 has no endpoint"

  Scenario: a Service without selector, its Endpoints written by hand, reaches a host outside the cluster
    Given the file "outside.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: example
      spec:
        ports:
        - port: 80
      ---
      apiVersion: v1
      kind: Endpoints
      metadata:
        name: example
      subsets:
      - addresses:
        - ip: 93.184.215.14
        ports:
        - port: 80
      """
    When I run "kubectl apply -f outside.yaml"
    Then the output should be:
      """
      service/example created
      Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
      endpoints/example created
      """
    When I run "kubectl get endpoints example"
    Then the output should match "^example\s+93\.184\.215\.14:80\s+\d+s$"
    When I run "kubectl get endpointslices -l kubernetes.io/service-name=example"
    Then the output should match "^example-[a-z0-9]{5}\s+IPv4\s+80\s+93\.184\.215\.14\s+\d+s$"
    When I run "kubectl describe svc example"
    Then the output should match "^Selector:\s+<none>$"
    And the output should match "^Endpoints:\s+93\.184\.215\.14:80$"
    When I run:
      """
      kubectl run client --image nginx
      kubectl exec client -- curl -s example | grep title
      """
    Then the output should contain "<title>Example Domain</title>"

  Scenario: a Service without selector and a hand-made EndpointSlice
    Given the file "slice.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: example
      spec:
        ports:
        - name: http
          port: 8080
          targetPort: 80
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: example-1
        labels:
          kubernetes.io/service-name: example
      addressType: IPv4
      ports:
      - name: http
        port: 80
        protocol: TCP
      endpoints:
      - addresses:
        - 93.184.215.14
      """
    When I run "kubectl apply -f slice.yaml"
    Then the output should be:
      """
      service/example created
      endpointslice.discovery.k8s.io/example-1 created
      """
    When I run:
      """
      kubectl run client --image nginx
      kubectl exec client -- curl -s example:8080 | grep title
      """
    Then the output should contain "<title>Example Domain</title>"

  Scenario: a Service without selector and without endpoints refuses
    Given the file "empty.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: nothing
      spec:
        ports:
        - port: 80
      """
    When I run:
      """
      kubectl apply -f empty.yaml
      kubectl run client --image nginx
      kubectl exec client -- curl -sS nothing
      """
    Then the output should contain:
      """
      curl: (7) Failed to connect to nothing port 80 after 0 ms: Couldn't connect to server
      command terminated with exit code 7
      """
    And the reason should contain "service nothing has no endpoints: it has no selector and no EndpointSlice lists an address for it"
