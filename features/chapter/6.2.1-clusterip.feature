# Chapter 6.2.1: a ClusterIP Service and its pod, generated with
# `kubectl run --expose --dry-run=client -o yaml`, then edited and applied.
@ClusterIP
Feature: 6.2.1 ClusterIP

  Background:
    Given a k3s cluster
    When I run "kubectl run client --image nginx"

  Scenario: kubectl run --expose writes a Service and a Pod
    When I run:
      """
      mkdir -p K8S/CH05
      kubectl run cluster-ip --image nginx --expose --port 80 \
          --dry-run=client -o yaml > K8S/CH05/cluster-ip.yaml
      cat K8S/CH05/cluster-ip.yaml
      """
    Then the command should succeed
    And the output should be:
      """
      apiVersion: v1
      kind: Service
      metadata:
        creationTimestamp: null
        name: cluster-ip
      spec:
        ports:
        - port: 80
          protocol: TCP
          targetPort: 80
        selector:
          run: cluster-ip
      status:
        loadBalancer: {}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        creationTimestamp: null
        labels:
          run: cluster-ip
        name: cluster-ip
      spec:
        containers:
        - image: nginx
          name: cluster-ip
          ports:
          - containerPort: 80
          resources: {}
        dnsPolicy: ClusterFirst
        restartPolicy: Always
      status: {}
      """
    When I run:
      """
      kubectl apply -f K8S/CH05/cluster-ip.yaml
      kubectl exec client -- curl -s cluster-ip
      """
    Then the output should contain:
      """
      service/cluster-ip created
      pod/cluster-ip created
      """
    And the output should contain "<title>Welcome to nginx!</title>"

  Scenario: the edited file serves port 8080 and sends it to port 80
    Given the file "K8S/CH05/cluster-ip.yaml" with:
      """
      # cluster-ip.yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: cluster-ip
      spec:
        # type: ClusterIP  # 기본값이므로 생략 가능
        ports:
        - port: 8080             # 클러스터 내부에서 노출할 포트
          protocol: TCP
          targetPort: 80         # 실제 Pod에서 열려 있는 컨테이너 포트
        selector:
          run: cluster-ip        # 해당 라벨을 가진 Pod로 트래픽 전달
      ---
      apiVersion: v1              # API 버전 (v1은 기본 Core API 그룹)
      kind: Pod                   # 생성하려는 리소스의 종류 (여기서는 Pod)
      metadata:                   # 메타데이터 정보 블록
        labels:                   # 라벨 지정 (Pod을 식별하는 데 사용)
          run: cluster-ip         # 'run'이라는 키에 'cluster-ip' 값을 가지는 라벨
        name: cluster-ip          # Pod의 이름
      spec:                       # Pod의 스펙 정의
        containers:               # Pod 안에 포함된 컨테이너 목록
        - image: nginx            # 사용할 컨테이너 이미지 (nginx 웹 서버)
          name: nginx             # 컨테이너 이름
          ports:                  # 컨테이너에서 사용하는 포트 목록
          - containerPort: 80     # 컨테이너가 리스닝할 포트 번호 (HTTP 기본 포트)
      """
    When I run "kubectl apply -f K8S/CH05/cluster-ip.yaml"
    Then the output should be:
      """
      service/cluster-ip created
      pod/cluster-ip created
      """
    When I run "kubectl get svc cluster-ip -oyaml | grep type"
    Then the output should be:
      """
        type: ClusterIP
      """
    When I run "kubectl describe svc cluster-ip"
    Then the output should match "^Name:\s+cluster-ip$"
    And the output should match "^Type:\s+ClusterIP$"
    And the output should match "^Port:\s+<unset>\s+8080/TCP$"
    And the output should match "^TargetPort:\s+80/TCP$"
    And the output should match "^Endpoints:\s+10\.42\.\d+\.\d+:80$"
    When I run "kubectl exec client -- curl -s cluster-ip:8080"
    Then the output should contain "<title>Welcome to nginx!</title>"
    # The Service no longer serves port 80: nothing answers there.
    When I run "kubectl exec client -- curl -s --max-time 2 cluster-ip"
    Then the exit code should be 28
    And the output should contain "command terminated with exit code 28"
