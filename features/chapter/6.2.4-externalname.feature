# Chapter 6.2.4: an ExternalName Service is a DNS alias; the client
# connects to the outside name itself.
@ExternalName
Feature: 6.2.4 ExternalName

  Background:
    Given a k3s cluster
    And the file "K8S/CH05/external.yaml" with:
      """
      # external.yaml
      # 클러스터내에 google-svc 별칭을 이용하여 google.com에 접속
      apiVersion: v1
      kind: Service
      metadata:
        name: google-svc  # 별칭
      spec:
        type: ExternalName
        externalName: google.com  # 외부 DNS
      """
    When I run "kubectl apply -f K8S/CH05/external.yaml"

  Scenario: the Service has no ClusterIP, only an external name
    Then the output should be:
      """
      service/google-svc created
      """
    When I run "kubectl get svc"
    Then the output should match "^google-svc\s+ExternalName\s+<none>\s+google\.com\s+<none>\s+\d+s$"

  Scenario: a curl pod reaches google.com through the alias
    When I run:
      """
      kubectl run call-google --image curlimages/curl \
                    --  curl -s -H "Host: google.com" google-svc
      """
    Then the output should be:
      """
      pod/call-google created
      """
    When I run "kubectl logs call-google"
    Then the output should contain:
      """
      <TITLE>301 Moved</TITLE></HEAD><BODY>
      <H1>301 Moved</H1>
      """

  Scenario: the finished curl pod restarts, Completed then CrashLoopBackOff
    When I run "kubectl run call-google --image curlimages/curl -- curl -s -H 'Host: google.com' google-svc"
    And 1 minute passes
    And I run "kubectl get pod call-google"
    Then the output should match "^call-google\s+0/1\s+(Completed|CrashLoopBackOff)\s+[1-9]\d* \(\d+s ago\)\s+\d+s$"
