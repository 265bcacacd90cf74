# Issue 4: ExternalName Services are a DNS alias (a CNAME served by CoreDNS):
# no ClusterIP, no endpoints, no port mapping, no proxying.
@ExternalName
Feature: ExternalName Services

  Background:
    Given a k3s cluster
    When I run:
      """
      kubectl create service externalname ext --external-name example.com
      kubectl run client --image nginx
      """

  Scenario: the Service has no ClusterIP and shows its external name
    When I run "kubectl get svc ext"
    Then the output should match "^ext\s+ExternalName\s+<none>\s+example\.com\s+<none>\s+\d+s$"
    When I run "kubectl get svc ext -o jsonpath='{.spec.type} {.spec.externalName}'"
    Then the output should be:
      """
      ExternalName example.com
      """
    When I run "kubectl describe svc ext"
    Then the output should match "^External Name:\s+example\.com$"
    When I run "kubectl get endpoints ext"
    Then the output should be:
      """
      Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
      Error from server (NotFound): endpoints "ext" not found
      """

  Scenario: curl by the Service's name reaches the outside host, at the outside host's address
    When I run "kubectl exec client -- curl -s -o /dev/null -w '%{remote_ip} %{http_code}' ext"
    Then the output should be:
      """
      93.184.215.14 200
      """
    When I run "kubectl exec client -- curl -s ext.default.svc.cluster.local | grep title"
    Then the output should contain "<title>Example Domain</title>"

  Scenario: from the terminal, the cluster's names do not resolve
    When I run "curl ext.default.svc.cluster.local"
    Then the output should be:
      """
      curl: (6) Could not resolve host: ext.default.svc.cluster.local
      """
    And the exit code should be 6

  Scenario: an external name that does not exist: curl cannot resolve the Service's name
    When I run:
      """
      kubectl create service externalname bad --external-name no-such-host.invalid
      kubectl exec client -- curl -sS bad
      """
    Then the output should contain:
      """
      curl: (6) Could not resolve host: bad
      command terminated with exit code 6
      """

  Scenario: an IP address as externalName is taken as a DNS name made of digits
    When I run:
      """
      kubectl create service externalname byip --external-name 93.184.215.14
      kubectl get svc byip
      """
    Then the output should match "^byip\s+ExternalName\s+<none>\s+93\.184\.215\.14\s+<none>\s+\d+s$"
    When I run "kubectl exec client -- curl -sS byip"
    Then the output should be:
      """
      curl: (6) Could not resolve host: byip
      command terminated with exit code 6
      """
