# Issue 4: a headless Service (clusterIP: None): no virtual IP, no
# kube-proxy; DNS answers with the ready pods' own addresses.
@Headless
Feature: Headless Services

  Background:
    Given a k3s cluster
    And the file "headless.yaml" with:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: agnhost
              image: registry.k8s.io/e2e-test-images/agnhost:2.52
              args: ["netexec", "--http-port=8080"]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        clusterIP: None
        selector:
          app: web
        ports:
        - port: 80
          targetPort: 8080
      """
    When I run:
      """
      kubectl apply -f headless.yaml
      kubectl run client --image nginx
      """

  Scenario: kubectl get svc shows None as the cluster IP; the endpoints are the pods
    When I run "kubectl get svc web"
    Then the output should match "^web\s+ClusterIP\s+None\s+<none>\s+80/TCP\s+\d+s$"
    When I run "kubectl get endpoints web"
    Then the output should match "^web\s+10\.42\.\d+\.\d+:8080,10\.42\.\d+\.\d+:8080,10\.42\.\d+\.\d+:8080\s+\d+s$"
    When I run "kubectl get endpointslices -l service.kubernetes.io/headless -o name"
    Then the output should match "^endpointslice\.discovery\.k8s\.io/web-[a-z0-9]{5}$"

  Scenario: the name resolves to every pod's IP
    When I run:
      """
      kubectl run tools --image busybox -- sleep 3600
      kubectl exec tools -- nslookup web.default.svc.cluster.local
      """
    Then the output should match "^Server:\s+10\.43\.0\.10$"
    And the output should match "^Name:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.42\.\d+\.\d+\nName:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.42\.\d+\.\d+\nName:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.42\.\d+\.\d+$"

  Scenario: curl by name reaches a pod directly, on the pod's port
    When I run "kubectl exec client -- curl -s web:8080/hostname"
    Then the command should succeed
    And the output should match "^web-[a-z0-9]+-[a-z0-9]{5}$"
    When I run "kubectl exec client -- curl -s -o /dev/null -w '%{remote_ip}' web:8080"
    Then the output should match "^10\.42\.\d+\.\d+$"

  Scenario: a headless Service maps no port: the Service's port 80 is nobody's
    When I run "kubectl exec client -- curl -sS web"
    Then the output should match "^curl: \(7\) Failed to connect to web port 80 after \d+ ms: Couldn't connect to server$"
    And the output should contain "command terminated with exit code 7"
    And the reason should contain "listens on 8080, not on 80/TCP"
