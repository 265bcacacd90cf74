# Chapter 6, clean up: delete every Service and pod of the default namespace.
Feature: 6 Clean up

  Scenario: delete --all removes the lab's Services and pods
    Given a k3s cluster
    When I run:
      """
      kubectl run mynginx --image nginx --expose --port 80
      kubectl delete svc --all
      kubectl delete pod --all
      """
    Then the output should contain:
      """
      service "kubernetes" deleted
      service "mynginx" deleted
      pod "mynginx" deleted
      """
    # The API server recreates its own Service at once.
    When I run "kubectl get svc"
    Then the output should match "^kubernetes\s+ClusterIP\s+10\.43\.0\.1\s+<none>\s+443/TCP\s"
    And the output should not contain "mynginx"
    When I run "kubectl get pod"
    Then the output should be:
      """
      No resources found in default namespace.
      """
