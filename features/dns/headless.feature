# A headless Service (clusterIP: None) has no virtual IP: CoreDNS answers
# its name with one A record per ready endpoint, so clients see the pods.
@DNS @Headless
Feature: Headless Service lookups

  Background:
    Given a k3s cluster
    And the file "web-headless.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        clusterIP: None
        selector:
          app: web
        ports:
        - port: 80
      """
    When I run:
      """
      kubectl create deployment web --image nginx --replicas 3
      kubectl apply -f web-headless.yaml
      kubectl run client --image nginx
      kubectl exec client -- sh -c "apt update && apt install -y dnsutils" > /dev/null 2>&1
      IP0=$(kubectl get pods -l app=web -o jsonpath='{.items[0].status.podIP}')
      IP1=$(kubectl get pods -l app=web -o jsonpath='{.items[1].status.podIP}')
      IP2=$(kubectl get pods -l app=web -o jsonpath='{.items[2].status.podIP}')
      """

  Scenario: the Service has no cluster IP
    When I run "kubectl get svc web"
    Then the output should match "^web\s+ClusterIP\s+None\s+<none>\s+80/TCP\s+\d+s$"

  Scenario: nslookup returns one address per ready pod
    When I run "kubectl exec client -- nslookup web"
    Then the command should succeed
    And the output should contain:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10#53

      Name:	web.default.svc.cluster.local
      """
    And the output should contain "Address: $IP0"
    And the output should contain "Address: $IP1"
    And the output should contain "Address: $IP2"
    When I run "kubectl exec client -- nslookup web | grep -c '^Name:'"
    Then the output should be:
      """
      3
      """

  Scenario: dig +short prints the pod IPs, one a line
    When I run "kubectl exec client -- dig +short web.default.svc.cluster.local"
    Then the command should succeed
    And the output should match "^(10\.42\.\d+\.\d+\n){2}10\.42\.\d+\.\d+$"
    And the output should contain "$IP0"
    And the output should contain "$IP1"
    And the output should contain "$IP2"

  Scenario: the full dig answer is authoritative, with three A records of TTL 5
    When I run "kubectl exec client -- dig web.default.svc.cluster.local"
    Then the output should match "^;; flags: qr aa rd; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 1$"
    And the output should contain "web.default.svc.cluster.local. 5 IN	A	$IP0"
    And the output should contain:
      """
      ;; QUESTION SECTION:
      ;web.default.svc.cluster.local.	IN	A
      """

  Scenario: scaling the Deployment changes the answer
    When I run:
      """
      kubectl scale deployment web --replicas 5
      kubectl exec client -- dig +short web.default.svc.cluster.local | wc -l
      """
    Then the output should contain:
      """
      deployment.apps/web scaled
      5
      """

  Scenario: host and getent list every address too
    When I run "kubectl exec client -- host web"
    Then the output should contain "web.default.svc.cluster.local has address $IP0"
    And the output should contain "web.default.svc.cluster.local has address $IP2"
    When I run "kubectl exec client -- getent hosts web | wc -l"
    Then the output should be:
      """
      3
      """

  Scenario: curl through the headless name reaches one of the pods
    When I run "kubectl exec client -- curl -s web"
    Then the output should contain "<title>Welcome to nginx!</title>"

  Scenario: a pod that is not ready is left out, unless publishNotReadyAddresses
    Given the file "web-all.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web-all
      spec:
        clusterIP: None
        publishNotReadyAddresses: true
        selector:
          app: web
        ports:
        - port: 80
      """
    When I run:
      """
      kubectl apply -f web-all.yaml
      kubectl run broken --image busybox --labels app=web -- sh -c "exit 1"
      BROKEN=$(kubectl get pod broken -o jsonpath='{.status.podIP}')
      kubectl exec client -- dig +short web.default.svc.cluster.local | wc -l
      """
    Then the output should contain:
      """
      service/web-all created
      pod/broken created
      3
      """
    When I run "kubectl exec client -- dig +short web-all.default.svc.cluster.local"
    Then the output should contain "$BROKEN"
    When I run "kubectl exec client -- dig +short web.default.svc.cluster.local"
    Then the output should not contain "$BROKEN"
