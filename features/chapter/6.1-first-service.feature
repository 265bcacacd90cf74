# Chapter 6.1: a pod, then a ClusterIP Service in front of it, reached by
# pod IP, by Service IP and by name (../shared/seeds/k8s-networking-services.md).
@ClusterIP
Feature: 6.1 Meeting the Service

  Background:
    Given a k3s cluster

  Scenario: a pod gets its own IP and answers on it
    When I run "kubectl run mynginx --image nginx"
    Then the output should be:
      """
      pod/mynginx created
      """
    When I run "kubectl get pod -owide"
    Then the output should match "^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$"
    And the output should match "^mynginx\s+1/1\s+Running\s+0\s+\d+s\s+10\.42\.[01]\.\d+\s+(master|worker1)\s+<none>\s+<none>$"
    When I run:
      """
      IP=$(kubectl get pod mynginx -o jsonpath='{.status.podIP}')
      kubectl exec mynginx -- curl -s $IP
      """
    Then the command should succeed
    And the output should contain:
      """
      <title>Welcome to nginx!</title>
      """

  Scenario: myservice sends port 8080 to the pod's port 80
    Given the file "K8S/CH05/myservice.yaml" with:
      """
      # myservice.yaml
      # mynginx라는 Pod에 대한 접근을 가능하게 해주는 ClusterIP 서비스를 정의
      apiVersion: v1             # 사용하는 Kubernetes API 버전
      kind: Service              # 리소스의 종류: Service

      metadata:
        labels:
          hello: world           # 서비스에 부여된 라벨 (선택적)
        name: myservice          # 서비스 이름 (DNS 이름으로도 사용됨)

      spec:
        ports:                   # 서비스가 노출하는 포트 목록
        - port: 8080             # 클라이언트가 접근할 서비스 포트 (myservice:8080)
          protocol: TCP          # 사용할 네트워크 프로토콜 (기본값은 TCP)
          targetPort: 80         # 서비스가 라우팅할 대상 Pod의 포트 (컨테이너 내부 포트)

        selector:
          run: mynginx           # 이 라벨을 가진 Pod들을 서비스 대상으로 연결
      """
    When I run:
      """
      kubectl run mynginx --image nginx
      kubectl apply -f K8S/CH05/myservice.yaml
      """
    Then the output should contain "service/myservice created"
    When I run "kubectl get service"
    Then the output should match "^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$"
    And the output should match "^kubernetes\s+ClusterIP\s+10\.43\.0\.1\s+<none>\s+443/TCP\s+\S+$"
    And the output should match "^myservice\s+ClusterIP\s+10\.43\.\d+\.\d+\s+<none>\s+8080/TCP\s+\d+s$"
    When I run:
      """
      kubectl run client --image nginx
      POD_IP=$(kubectl get pod mynginx -o jsonpath='{.status.podIP}')
      SVC_IP=$(kubectl get svc myservice -o jsonpath='{.spec.clusterIP}')
      kubectl exec client -- curl -s $POD_IP | grep title
      kubectl exec client -- curl -s $SVC_IP:8080 | grep title
      kubectl exec client -- curl -s myservice:8080 | grep title
      """
    Then the command should succeed
    And the output should contain:
      """
      pod/client created
      <title>Welcome to nginx!</title>
      <title>Welcome to nginx!</title>
      <title>Welcome to nginx!</title>
      """

  @DNS
  Scenario: nslookup myservice once dnsutils is installed
    Given the file "K8S/CH05/myservice.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        labels:
          hello: world
        name: myservice
      spec:
        ports:
        - port: 8080
          protocol: TCP
          targetPort: 80
        selector:
          run: mynginx
      """
    When I run:
      """
      kubectl run mynginx --image nginx
      kubectl apply -f K8S/CH05/myservice.yaml
      kubectl run client --image nginx
      """
    And I run "kubectl exec client -- nslookup myservice"
    Then the command should fail
    And the output should contain "executable file not found in \$PATH"
    When I run 'kubectl exec client -- sh -c "apt update && apt install -y dnsutils"'
    Then the command should succeed
    And the output should contain "Reading package lists..."
    When I run:
      """
      SVC_IP=$(kubectl get svc myservice -o jsonpath='{.spec.clusterIP}')
      kubectl exec client -- nslookup myservice
      """
    Then the output should be:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10#53

      Name:	myservice.default.svc.cluster.local
      Address: $SVC_IP
      """
