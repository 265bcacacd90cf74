# dnsPolicy decides a pod's /etc/resolv.conf: ClusterFirst (the default)
# points at CoreDNS with the namespace's search list and ndots:5; Default
# inherits the node's resolver; None takes only the pod's dnsConfig.
@DNS
Feature: dnsPolicy, dnsConfig and ndots

  Background:
    Given a k3s cluster
    And the file "pods.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: node-dns
      spec:
        dnsPolicy: Default
        containers:
        - name: c
          image: busybox
          command: ["sleep", "3600"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: custom-dns
      spec:
        dnsPolicy: "None"
        dnsConfig:
          nameservers:
          - 10.43.0.10
          searches:
          - svc.cluster.local
          - example.com
          options:
          - name: ndots
            value: "1"
        containers:
        - name: c
          image: nginx
      """
    When I run:
      """
      kubectl run mynginx --image nginx
      kubectl expose pod mynginx --port 80 --name myservice
      kubectl apply -f pods.yaml
      SVC_IP=$(kubectl get svc myservice -o jsonpath='{.spec.clusterIP}')
      """

  Scenario: dnsPolicy Default: the node's resolver, no cluster names
    When I run "kubectl exec node-dns -- cat /etc/resolv.conf"
    Then the output should be:
      """
      nameserver 192.168.164.2
      """
    When I run "kubectl exec node-dns -- nslookup -type=a myservice"
    Then the exit code should be 1
    And the output should contain:
      """
      Server:		192.168.164.2
      Address:	192.168.164.2:53

      ** server can't find myservice: NXDOMAIN
      """
    When I run "kubectl exec node-dns -- nslookup -type=a google.com"
    Then the command should succeed
    And the output should contain "Address: 142.250.196.110"

  Scenario: dnsPolicy None: the resolv.conf is the dnsConfig alone
    When I run "kubectl exec custom-dns -- cat /etc/resolv.conf"
    Then the output should be:
      """
      search svc.cluster.local example.com
      nameserver 10.43.0.10
      options ndots:1
      """

  Scenario: dnsConfig on a ClusterFirst pod is added to the cluster's settings
    Given the file "extra.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: extra
      spec:
        dnsConfig:
          searches:
          - corp.example
        containers:
        - name: c
          image: busybox
          command: ["sleep", "3600"]
      """
    When I run:
      """
      kubectl apply -f extra.yaml
      kubectl exec extra -- cat /etc/resolv.conf
      """
    Then the output should be:
      """
      pod/extra created
      search default.svc.cluster.local svc.cluster.local cluster.local corp.example
      nameserver 10.43.0.10
      options ndots:5
      """

  Scenario: with ndots:1 BIND's nslookup asks a dotted name only as is
    When I run:
      """
      kubectl exec custom-dns -- sh -c "apt update && apt install -y dnsutils" > /dev/null 2>&1
      kubectl exec custom-dns -- nslookup myservice.default
      """
    Then the exit code should be 1
    And the output should contain "** server can't find myservice.default: NXDOMAIN"
    When I run "kubectl exec custom-dns -- nslookup myservice.default.svc.cluster.local"
    Then the command should succeed
    And the output should contain "Address: $SVC_IP"

  Scenario: with ndots:1 glibc tries the name as is first, then the search list
    When I run "kubectl exec custom-dns -- getent hosts myservice.default"
    Then the command should succeed
    And the output should contain "myservice.default.svc.cluster.local"
    And the output should contain "$SVC_IP"
    When I run "kubectl exec custom-dns -- curl -s -o /dev/null -w '%{remote_ip}\n' myservice.default"
    Then the output should be:
      """
      $SVC_IP
      """

  Scenario: ndots:5: a name with 5 dots is tried as is first
    When I run:
      """
      kubectl run client --image nginx
      kubectl exec client -- getent hosts a.b.c.d.e.f
      """
    Then the exit code should be 2
    And the reason should contain "a.b.c.d.e.f., a.b.c.d.e.f.default.svc.cluster.local., a.b.c.d.e.f.svc.cluster.local., a.b.c.d.e.f.cluster.local."
    When I run "kubectl exec client -- getent hosts a.b.c.d.e"
    Then the exit code should be 2
    And the reason should contain "a.b.c.d.e.default.svc.cluster.local., a.b.c.d.e.svc.cluster.local., a.b.c.d.e.cluster.local., a.b.c.d.e."
