# The records CoreDNS's kubernetes plugin serves for a ClusterIP Service and
# for pods, what a wrong name gives, and how each tool reports it.
@DNS @ClusterIP
Feature: Service and pod records, reverse lookups and NXDOMAIN

  Background:
    Given a k3s cluster
    When I run:
      """
      kubectl run mynginx --image nginx
      kubectl expose pod mynginx --port 8080 --target-port 80 --name myservice
      kubectl run client --image nginx
      kubectl exec client -- sh -c "apt update && apt install -y dnsutils" > /dev/null 2>&1
      SVC_IP=$(kubectl get svc myservice -o jsonpath='{.spec.clusterIP}')
      """

  Scenario: a pod's A record is its IP with dashes, under <namespace>.pod
    When I run "kubectl exec client -- nslookup 10-42-0-9.default.pod.cluster.local"
    Then the command should succeed
    And the output should be:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10#53

      Name:	10-42-0-9.default.pod.cluster.local
      Address: 10.42.0.9
      """
    When I run "kubectl exec client -- dig +short 10-42-1-77.default.pod.cluster.local"
    Then the output should be:
      """
      10.42.1.77
      """

  Scenario: a pod record needs an existing namespace
    When I run "kubectl exec client -- dig +short 10-42-0-9.nosuch.pod.cluster.local"
    Then the output should be:
      """
      """
    When I run "kubectl exec client -- nslookup 10-42-0-9.nosuch.pod.cluster.local"
    Then the exit code should be 1
    And the output should contain "** server can't find 10-42-0-9.nosuch.pod.cluster.local: NXDOMAIN"

  Scenario: the reverse lookup of the ClusterIP names the Service
    When I run "kubectl exec client -- dig -x $SVC_IP +short"
    Then the output should be:
      """
      myservice.default.svc.cluster.local.
      """
    When I run "kubectl exec client -- nslookup $SVC_IP"
    Then the output should match "^\d+\.\d+\.43\.10\.in-addr\.arpa\tname = myservice\.default\.svc\.cluster\.local\.$"
    When I run "kubectl exec client -- host 10.43.0.10"
    Then the output should be:
      """
      10.0.43.10.in-addr.arpa domain name pointer kube-dns.kube-system.svc.cluster.local.
      """

  Scenario: host and getent hosts resolve through the search list
    When I run "kubectl exec client -- host myservice"
    Then the command should succeed
    And the output should be:
      """
      myservice.default.svc.cluster.local has address $SVC_IP
      """
    When I run "kubectl exec client -- getent hosts myservice"
    Then the output should match "^\d+\.\d+\.\d+\.\d+ +myservice\.default\.svc\.cluster\.local$"
    And the output should contain "$SVC_IP"
    When I run "kubectl exec client -- host -t AAAA myservice"
    Then the output should be:
      """
      myservice.default.svc.cluster.local has no AAAA record
      """

  Scenario: SRV for a ClusterIP Service points at the Service name
    When I run "kubectl exec client -- dig +short SRV _tcp.myservice.default.svc.cluster.local"
    Then the output should be:
      """
      """
    When I run "kubectl exec client -- dig +short SRV myservice.default.svc.cluster.local"
    Then the output should be:
      """
      0 100 8080 myservice.default.svc.cluster.local.
      """

  Scenario Outline: a wrong name is NXDOMAIN: <tool> exits <code>
    When I run "kubectl exec client -- <tool> nosuch"
    Then the exit code should be <code>
    And the output should contain "<says>"

    Examples:
      | tool         | code | says                                  |
      | nslookup     | 1    | ** server can't find nosuch: NXDOMAIN |
      | host         | 1    | Host nosuch not found: 3(NXDOMAIN)    |
      | getent hosts | 2    | command terminated with exit code 2   |
      | curl -sS     | 6    | curl: (6) Could not resolve host: nosuch |

  Scenario: dig reports NXDOMAIN in the header and still exits 0
    When I run "kubectl exec client -- dig nosuch.default.svc.cluster.local"
    Then the command should succeed
    And the output should match "^;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: \d+$"
    And the output should contain:
      """
      ;; AUTHORITY SECTION:
      cluster.local.		5	IN	SOA	ns.dns.cluster.local. hostmaster.cluster.local.
      """
    When I run "kubectl exec client -- dig +short nosuch.default.svc.cluster.local"
    Then the command should succeed
    And the output should be:
      """
      """

  Scenario: nslookup's full NXDOMAIN output
    When I run "kubectl exec client -- nslookup nosuch.default.svc.cluster.local"
    Then the exit code should be 1
    And the output should be:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10#53

      ** server can't find nosuch.default.svc.cluster.local: NXDOMAIN

      command terminated with exit code 1
      """

  Scenario: curl resolves with the same resolver as getent
    When I run "kubectl exec client -- getent hosts myservice.default"
    Then the output should contain "$SVC_IP"
    When I run "kubectl exec client -- curl -s -o /dev/null -w '%{remote_ip}:%{remote_port}\n' myservice.default:8080"
    Then the output should be:
      """
      $SVC_IP:8080
      """
    When I run "kubectl exec client -- curl -sS myservice.nosuch:8080"
    Then the exit code should be 6
    And the output should contain "curl: (6) Could not resolve host: myservice.nosuch"
    And the reason should contain "myservice.nosuch.default.svc.cluster.local."

  Scenario: a name ending with a dot skips the search list
    When I run "kubectl exec client -- nslookup myservice.default.svc.cluster.local."
    Then the output should contain "Address: $SVC_IP"
    When I run "kubectl exec client -- nslookup myservice."
    Then the exit code should be 1
    And the output should contain "** server can't find myservice: NXDOMAIN"
