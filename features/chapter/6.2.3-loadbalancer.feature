# Chapter 6.2.3: a LoadBalancer Service on k3s, served by servicelb
# (klipper-lb): every node's InternalIP becomes an external IP.
@LoadBalancer
Feature: 6.2.3 LoadBalancer

  Background:
    Given a k3s cluster
    And the file "K8S/CH05/load-bal.yaml" with:
      """
      # load-bal.yaml
      apiVersion: v1                   # API 버전 (v1)
      kind: Service                    # 리소스 종류: Service
      metadata:
        name: load-bal                 # 서비스 이름

      spec:
        type: LoadBalancer             # 서비스 타입: 클라우드 로드밸런서 프로비저닝
        ports:
        - port: 8080                  # 서비스가 노출하는 포트 (외부 접속 포트)
          protocol: TCP               # 프로토콜 (기본: TCP)
          targetPort: 80              # 실제 Pod 컨테이너가 사용하는 포트
          nodePort: 30088             # 노드 포트 (NodePort와 연동, 지정 가능, 30000~32767 범위)
        selector:
          run: load-bal               # 이 라벨을 가진 Pod에 트래픽을 전달

      ---
      apiVersion: v1                   # API 버전 (v1)
      kind: Pod                        # 리소스 종류: Pod
      metadata:
        labels:
          run: load-bal               # Pod 라벨 (Service selector와 매칭)
        name: load-bal                 # Pod 이름

      spec:
        containers:
        - image: nginx                 # nginx 컨테이너 이미지 사용
          name: nginx                 # 컨테이너 이름
          ports:
          - containerPort: 80         # 컨테이너 내부 포트 (nginx 기본 포트)
      """
    When I run "kubectl apply -f K8S/CH05/load-bal.yaml"

  Scenario: every node's IP is an external IP
    Then the output should be:
      """
      service/load-bal created
      pod/load-bal created
      """
    When I run "kubectl get svc load-bal"
    Then the output should match "^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$"
    And the output should match "^load-bal\s+LoadBalancer\s+10\.43\.\d+\.\d+\s+192\.168\.164\.130,192\.168\.164\.131\s+8080:30088/TCP\s+\d+s$"

  Scenario: describe shows the ingress IPs, the endpoint and servicelb's events
    When I run "kubectl describe svc load-bal"
    Then the output should match "^Type:\s+LoadBalancer$"
    And the output should match "^IP Family Policy:\s+SingleStack$"
    And the output should match "^LoadBalancer Ingress:\s+192\.168\.164\.130 \(VIP\), 192\.168\.164\.131 \(VIP\)$"
    And the output should match "^NodePort:\s+<unset>\s+30088/TCP$"
    And the output should match "^Endpoints:\s+10\.42\.\d+\.\d+:80$"
    And the output should match "^Session Affinity:\s+None$"
    And the output should match "^External Traffic Policy:\s+Cluster$"
    And the output should match "^Internal Traffic Policy:\s+Cluster$"
    And the output should match "Normal\s+EnsuringLoadBalancer\s"
    And the output should match "Normal\s+AppliedDaemonSet\s"
    And the output should match "Normal\s+UpdatedLoadBalancer\s"

  Scenario: curl through the load balancer's IP and the service port
    When I run "curl 192.168.164.130:8080"
    Then the command should succeed
    And the output should contain "<title>Welcome to nginx!</title>"
    When I run "curl -s 192.168.164.131:8080 | grep title"
    Then the output should be:
      """
      <title>Welcome to nginx!</title>
      """

  Scenario: servicelb runs one svclb pod per node, in kube-system
    When I run "kubectl get pod -n kube-system -o wide"
    Then the output should match "^svclb-load-bal-[a-z0-9]{8}-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\S+\s+10\.42\.0\.\d+\s+master\s"
    And the output should match "^svclb-load-bal-[a-z0-9]{8}-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\S+\s+10\.42\.1\.\d+\s+worker1\s"
