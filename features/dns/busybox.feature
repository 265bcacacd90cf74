# BusyBox 1.36's own nslookup is not BIND's: it sends A and AAAA for every
# search domain at once and prints each reply, errors included; a dotted
# name is never searched; `Address:` ends with `:53`.
@DNS @ClusterIP
Feature: busybox nslookup

  Background:
    Given a k3s cluster
    When I run:
      """
      kubectl run mynginx --image nginx
      kubectl expose pod mynginx --port 80 --name myservice
      kubectl run bb --image busybox -- sleep 3600
      SVC_IP=$(kubectl get svc myservice -o jsonpath='{.spec.clusterIP}')
      """

  Scenario: every search domain, A then AAAA; the NXDOMAIN replies make the exit code 1
    # The replies print as they arrive, so only their pieces are checked.
    When I run "kubectl exec bb -- nslookup myservice"
    Then the exit code should be 1
    And the output should contain:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10:53

      """
    And the output should contain:
      """
      Name:	myservice.default.svc.cluster.local
      Address: $SVC_IP

      """
    And the output should contain "** server can't find myservice.svc.cluster.local: NXDOMAIN"
    And the output should contain "** server can't find myservice.cluster.local: NXDOMAIN"
    When I run "kubectl exec bb -- nslookup myservice | grep -c NXDOMAIN"
    Then the output should match "^4$"

  Scenario: the full name: one A reply and an empty AAAA reply, exit 0
    When I run "kubectl exec bb -- nslookup myservice.default.svc.cluster.local"
    Then the command should succeed
    And the output should contain:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10:53

      Name:	myservice.default.svc.cluster.local
      Address: $SVC_IP
      """

  Scenario: a dotted short name is not searched
    When I run "kubectl exec bb -- nslookup myservice.default"
    Then the exit code should be 1
    And the output should contain "** server can't find myservice.default: NXDOMAIN"

  Scenario: -type=a asks only A
    When I run "kubectl exec bb -- nslookup -type=a myservice.default.svc.cluster.local"
    Then the output should be:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10:53

      Name:	myservice.default.svc.cluster.local
      Address: $SVC_IP
      """

  Scenario: an address is a PTR query, without the final dot
    When I run "kubectl exec bb -- nslookup 10.43.0.10"
    Then the output should be:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10:53

      10.0.43.10.in-addr.arpa	name = kube-dns.kube-system.svc.cluster.local
      """

  Scenario: a name outside the cluster is forwarded: not authoritative
    When I run "kubectl exec bb -- nslookup -type=a google.com"
    Then the output should be:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10:53

      Non-authoritative answer:
      Name:	google.com
      Address: 142.250.196.110
      """

  Scenario: busybox wget resolves with the same names
    When I run "kubectl exec bb -- wget -qO- myservice.default.svc.cluster.local"
    Then the output should contain "<title>Welcome to nginx!</title>"
