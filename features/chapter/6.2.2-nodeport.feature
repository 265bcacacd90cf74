# Chapter 6.2.2: a NodePort Service answers on every node's InternalIP.
@NodePort
Feature: 6.2.2 NodePort

  Background:
    Given a k3s cluster
    And the file "K8S/CH05/node-port.yaml" with:
      """
      # node-port.yaml
      apiVersion: v1                   # Kubernetes API 버전 (v1)
      kind: Service                    # 생성할 리소스의 종류: Service
      metadata:                        # 메타데이터 블록
        name: node-port                # 서비스의 이름

      spec:                            # 서비스의 상세 설정
        type: NodePort                 # Service 타입: 외부 접근이 가능한 NodePort
        ports:                         # 서비스 포트 설정
        - port: 8080                   # 클러스터 내부에서 사용할 포트
          protocol: TCP                # 통신 프로토콜 (기본값: TCP)
          targetPort: 80              # 실제 컨테이너가 리스닝하는 포트
          nodePort: 30080              # 노드에서 외부 접근 시 사용할 포트 (30000~32767 사이에서 지정)
        selector:                      # 이 서비스가 트래픽을 전달할 대상 Pod의 라벨
          run: node-port               # 'run: node-port' 라벨을 가진 Pod에 트래픽 전달

      ---
      apiVersion: v1                   # Kubernetes API 버전 (v1)
      kind: Pod                        # 생성할 리소스의 종류: Pod
      metadata:                        # 메타데이터 블록
        labels:                        # Pod에 설정할 라벨
          run: node-port               # 'run=node-port' 라벨 (Service의 selector와 일치해야 함)
        name: node-port                # Pod의 이름

      spec:                            # Pod의 상세 설정
        containers:                    # 컨테이너 목록
        - image: nginx                 # 사용할 컨테이너 이미지 (nginx 웹 서버)
          name: nginx                  # 컨테이너 이름
          ports:                       # 컨테이너가 열 포트 목록
          - containerPort: 80         # 컨테이너 내부에서 열 포트 (nginx 기본 포트)
      """

  Scenario: the Service shows its node port
    When I run "kubectl apply -f K8S/CH05/node-port.yaml"
    Then the output should be:
      """
      service/node-port created
      pod/node-port created
      """
    When I run "kubectl get svc"
    Then the output should match "^node-port\s+NodePort\s+10\.43\.\d+\.\d+\s+<none>\s+8080:30080/TCP\s+\d+s$"
    When I run "kubectl get pod node-port -owide"
    Then the output should match "^node-port\s+1/1\s+Running\s+0\s+\d+s\s+10\.42\.[01]\.\d+\s+(master|worker1)\s"

  Scenario: the node's address, read with jsonpath and jq
    When I run:
      """
      kubectl get node master -o json | jq -r '.status.addresses[0].address'
      kubectl get node master -ojsonpath="{.status.addresses[0]}"
      echo
      kubectl get node master -ojsonpath="{.status.addresses[0].address}"
      """
    Then the output should be:
      """
      192.168.164.130
      {"address":"192.168.164.130","type":"InternalIP"}
      192.168.164.130
      """
    When I run "kubectl get node master -o json | jq '.status.nodeInfo.kubeletVersion'"
    Then the output should match "^\"v1\.\d+\.\d+\+k3s\d\"$"

  Scenario: curl reaches the pod through any node's IP
    When I run:
      """
      kubectl apply -f K8S/CH05/node-port.yaml
      MASTER_IP=$(kubectl get node master -ojsonpath="{.status.addresses[0].address}")
      curl $MASTER_IP:30080
      """
    Then the command should succeed
    And the output should contain "<title>Welcome to nginx!</title>"
    When I run:
      """
      WORKER_IP=$(kubectl get node worker1 -ojsonpath="{.status.addresses[0].address}")
      curl $WORKER_IP:30080
      """
    Then the command should succeed
    And the output should contain "<title>Welcome to nginx!</title>"
    When I run "curl 192.168.164.131:30080"
    Then the output should contain "<title>Welcome to nginx!</title>"
