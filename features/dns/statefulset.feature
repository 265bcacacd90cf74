# A StatefulSet's pods get stable DNS names through their headless Service:
# <pod>.<service>.<namespace>.svc.cluster.local, and SRV records per named port.
@DNS @Headless
Feature: StatefulSet pod names and SRV records

  Background:
    Given a k3s cluster
    And the file "web-sts.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        labels:
          app: web
      spec:
        clusterIP: None
        selector:
          app: web
        ports:
        - name: http
          port: 80
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: web
      spec:
        serviceName: web
        replicas: 2
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: nginx
              image: nginx
              ports:
              - containerPort: 80
                name: http
      """
    When I run:
      """
      kubectl apply -f web-sts.yaml
      kubectl run client --image nginx
      kubectl exec client -- sh -c "apt update && apt install -y dnsutils" > /dev/null 2>&1
      WEB0=$(kubectl get pod web-0 -o jsonpath='{.status.podIP}')
      WEB1=$(kubectl get pod web-1 -o jsonpath='{.status.podIP}')
      """

  Scenario: web-0.web.default.svc.cluster.local is web-0's IP
    When I run "kubectl exec client -- nslookup web-0.web.default.svc.cluster.local"
    Then the command should succeed
    And the output should be:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10#53

      Name:	web-0.web.default.svc.cluster.local
      Address: $WEB0
      """

  Scenario: the search list completes web-1.web
    When I run "kubectl exec client -- nslookup web-1.web"
    Then the output should contain:
      """
      Name:	web-1.web.default.svc.cluster.local
      Address: $WEB1
      """
    When I run "kubectl exec client -- dig +short web-1.web.default.svc.cluster.local"
    Then the output should be:
      """
      $WEB1
      """

  Scenario: the pod knows its own fully qualified name
    When I run "kubectl exec web-0 -- cat /etc/hosts"
    Then the output should contain "$WEB0	web-0.web.default.svc.cluster.local	web-0"
    When I run "kubectl exec web-0 -- hostname"
    Then the output should be:
      """
      web-0
      """

  Scenario: dig SRV lists one target per pod, with its address in ADDITIONAL
    When I run "kubectl exec client -- dig SRV _http._tcp.web.default.svc.cluster.local"
    Then the command should succeed
    And the output should contain:
      """
      ;; QUESTION SECTION:
      ;_http._tcp.web.default.svc.cluster.local. IN SRV
      """
    And the output should match "^;; flags: qr aa rd; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 3$"
    And the output should contain "_http._tcp.web.default.svc.cluster.local. 5 IN SRV 0 50 80 web-0.web.default.svc.cluster.local."
    And the output should contain "_http._tcp.web.default.svc.cluster.local. 5 IN SRV 0 50 80 web-1.web.default.svc.cluster.local."
    And the output should contain "web-0.web.default.svc.cluster.local. 5 IN A	$WEB0"
    And the output should contain "web-1.web.default.svc.cluster.local. 5 IN A	$WEB1"

  Scenario: dig +short SRV prints priority, weight, port and target
    When I run "kubectl exec client -- dig +short _http._tcp.web.default.svc.cluster.local SRV"
    Then the output should be:
      """
      0 50 80 web-0.web.default.svc.cluster.local.
      0 50 80 web-1.web.default.svc.cluster.local.
      """

  Scenario: nslookup -type=srv with the search list
    When I run "kubectl exec client -- nslookup -type=srv _http._tcp.web"
    Then the output should be:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10#53

      _http._tcp.web.default.svc.cluster.local	service = 0 50 80 web-0.web.default.svc.cluster.local.
      _http._tcp.web.default.svc.cluster.local	service = 0 50 80 web-1.web.default.svc.cluster.local.
      """

  Scenario: a port name that does not exist is NXDOMAIN
    When I run "kubectl exec client -- dig +short SRV _https._tcp.web.default.svc.cluster.local"
    Then the output should be:
      """
      """
    When I run "kubectl exec client -- host -t SRV _https._tcp.web.default.svc.cluster.local"
    Then the exit code should be 1
    And the output should contain "Host _https._tcp.web.default.svc.cluster.local not found: 3(NXDOMAIN)"

  Scenario: the reverse lookup of a pod IP names the pod under its Service
    When I run "kubectl exec client -- dig +short -x $WEB1"
    Then the output should be:
      """
      web-1.web.default.svc.cluster.local.
      """
