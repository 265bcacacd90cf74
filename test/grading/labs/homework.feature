# Homework for chapter 6 (kube-netlab grade): the student hands in a folder
# holding K8S/CH05/myservice.yaml (a ClusterIP Service in front of the
# mynginx pod, port 8080 → 80), K8S/CH05/node-port.yaml (a NodePort Service
# on 30080 and its pod) and K8S/CH05/web.yaml (a 3-replica Deployment behind
# a ClusterIP Service named web). Each scenario starts from a copy of the
# submission; the points add up to 10. It needs a submission, so it lives
# here, beside the grading tests, and runs only through `kube-netlab grade`:
#   kube-netlab grade SUBMISSION --labs test/grading/labs --out out
@homework
Feature: Chapter 6 homework: Services

  Background:
    Given a k3s cluster

  @points:1
  Scenario: every manifest applies cleanly
    When I run "kubectl apply -f K8S/CH05/"
    Then the command should succeed
    And the output should not contain "error"

  @ClusterIP @points:3
  Scenario: myservice sends port 8080 to the mynginx pod
    When I run:
      """
      kubectl run mynginx --image nginx
      kubectl run client --image nginx
      kubectl apply -f K8S/CH05/myservice.yaml
      """
    Then the output should contain "service/myservice created"
    When I run "kubectl exec client -- curl -s -m 3 myservice:8080"
    Then the command should succeed
    And the output should contain "<title>Welcome to nginx!</title>"

  @NodePort @points:3
  Scenario: node-port answers on port 30080 of every node
    When I run "kubectl apply -f K8S/CH05/node-port.yaml"
    Then the output should contain "service/node-port created"
    When I run "curl -s -m 3 192.168.164.130:30080"
    Then the command should succeed
    And the output should contain "<title>Welcome to nginx!</title>"
    When I run "curl -s -m 3 192.168.164.131:30080"
    Then the command should succeed
    And the output should contain "<title>Welcome to nginx!</title>"

  @ClusterIP @points:3
  Scenario: web runs 3 replicas behind the web Service on port 80
    When I run:
      """
      kubectl run client --image nginx
      kubectl apply -f K8S/CH05/web.yaml
      """
    Then the output should contain "service/web created"
    When I run "kubectl get deployment web"
    Then the output should match "^web\s+3/3\s+3\s+3\s+\d+s$"
    When I run "kubectl exec client -- curl -s -m 3 web"
    Then the command should succeed
    And the output should contain "<title>Welcome to nginx!</title>"
