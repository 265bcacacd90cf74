# kube-netlab's own steps for what a lab needs beyond the default world:
# hosts outside the cluster and images of its own.
Feature: Outside hosts and lab images

  Background:
    Given a k3s cluster

  @ExternalName
  Scenario: an ExternalName Service points at a host the lab adds
    Given the outside host "db.example.com" at "203.0.113.10" answering:
      """
      <h1>inventory</h1>
      """
    And the file "db.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: db
      spec:
        type: ExternalName
        externalName: db.example.com
      """
    When I run:
      """
      kubectl apply -f db.yaml
      kubectl run client --image nginx
      kubectl exec client -- curl -s db
      """
    Then the command should succeed
    And the output should contain "<h1>inventory</h1>"
    When I run "curl -s db.example.com"
    Then the output should be:
      """
      <h1>inventory</h1>
      """

  Scenario: a host that is not in the outside world does not resolve
    When I run "curl -sS nowhere.example.org"
    Then the exit code should be 6
    And the output should contain "curl: (6) Could not resolve host: nowhere.example.org"

  Scenario: an image of the lab's own, built from a catalogue image
    Given the image "myorg/hello:1.0" with:
      """
      from: nginx
      env: ["GREETING=hello"]
      """
    When I run:
      """
      kubectl run hello --image myorg/hello:1.0
      kubectl get pod hello
      kubectl exec hello -- env
      """
    Then the output should match "^hello\s+1/1\s+Running\s+0\s"
    And the output should contain "GREETING=hello"
