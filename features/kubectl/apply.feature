# kubectl apply (client-side, kubectl v0.33.5 pkg/cmd/apply): created,
# unchanged, configured; a folder of manifests in name order; delete -f.
Feature: kubectl apply and delete -f

  Background:
    Given a k3s cluster
    Given the file "k8s/deploy.yaml" with:
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
            containers:
            - name: web
              image: nginx
      """
    Given the file "k8s/svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        ports:
        - port: 80
      """

  Scenario: apply twice, then after an edit
    When I run "kubectl apply -f k8s/deploy.yaml"
    Then the output should be:
      """
      deployment.apps/web created
      """
    When I run "kubectl apply -f k8s/deploy.yaml"
    Then the output should be:
      """
      deployment.apps/web unchanged
      """
    Given the file "k8s/deploy.yaml" with:
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
            - name: web
              image: nginx
      """
    When I run "kubectl apply -f k8s/deploy.yaml"
    Then the output should be:
      """
      deployment.apps/web configured
      """
    When I run "kubectl get deploy web"
    Then the output should match "^web\s+3/3\s+3\s+3\s+\d+s$"

  Scenario: apply a folder: its files in name order
    When I run "kubectl apply -f k8s/"
    Then the output should be:
      """
      deployment.apps/web created
      service/web created
      """
    When I run "kubectl get svc,deploy -o name"
    Then the output should be:
      """
      service/kubernetes
      service/web
      deployment.apps/web
      """

  Scenario: apply keeps the last applied configuration in an annotation
    When I run "kubectl apply -f k8s/svc.yaml"
    And I run "kubectl get svc web -o jsonpath='{.metadata.annotations.kubectl\.kubernetes\.io/last-applied-configuration}'"
    Then the output should be:
      """
      {"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"web"}}}
      """

  Scenario: create refuses what exists; delete -f removes what the files name
    When I run:
      """
      kubectl apply -f k8s/
      kubectl create -f k8s/svc.yaml
      """
    Then the output should contain:
      """
      Error from server (AlreadyExists): error when creating "k8s/svc.yaml": services "web" already exists
      """
    When I run "kubectl delete -f k8s/"
    Then the output should be:
      """
      deployment.apps "web" deleted
      service "web" deleted
      """
    When I run "kubectl delete -f k8s/svc.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      Error from server (NotFound): error when deleting "k8s/svc.yaml": services "web" not found
      """
