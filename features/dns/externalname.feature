# An ExternalName Service is a CNAME in the cluster's DNS: CoreDNS answers
# the Service's name with `CNAME google.com.` and adds google.com's address,
# which it asks upstream (the forward plugin).
@DNS @ExternalName
Feature: ExternalName lookups

  Background:
    Given a k3s cluster
    And the file "external.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: google-svc
      spec:
        type: ExternalName
        externalName: google.com
      """
    When I run:
      """
      kubectl apply -f external.yaml
      kubectl run client --image nginx
      kubectl exec client -- sh -c "apt update && apt install -y dnsutils" > /dev/null 2>&1
      """

  Scenario: nslookup shows the canonical name, then the address
    When I run "kubectl exec client -- nslookup google-svc"
    Then the command should succeed
    And the output should be:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10#53

      google-svc.default.svc.cluster.local	canonical name = google.com.
      Name:	google.com
      Address: 142.250.196.110
      """

  Scenario: the full dig answer: an authoritative CNAME and the target's A, all with TTL 5
    When I run "kubectl exec client -- dig google-svc.default.svc.cluster.local"
    Then the command should succeed
    And the output should contain:
      """

      ; <<>> DiG 9.18.41-1~deb12u1-Debian <<>> google-svc.default.svc.cluster.local
      ;; global options: +cmd
      ;; Got answer:
      ;; WARNING: .local is reserved for Multicast DNS
      ;; You are currently testing what happens when an mDNS query is leaked to DNS
      """
    And the output should match "^;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+$"
    And the output should contain:
      """
      ;; flags: qr aa rd; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 1
      ;; WARNING: recursion requested but not available

      ;; OPT PSEUDOSECTION:
      ; EDNS: version: 0, flags:; udp: 1232
      """
    And the output should match "^; COOKIE: [0-9a-f]{16} \(echoed\)$"
    And the output should contain:
      """
      ;; QUESTION SECTION:
      ;google-svc.default.svc.cluster.local. IN A

      ;; ANSWER SECTION:
      google-svc.default.svc.cluster.local. 5	IN CNAME google.com.
      google.com.		5	IN	A	142.250.196.110

      ;; Query time: 0 msec
      ;; SERVER: 10.43.0.10#53(10.43.0.10) (UDP)
      """
    And the output should match "^;; WHEN: \w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4}$"
    And the output should contain ";; MSG SIZE  rcvd: 163"

  Scenario: dig +short follows the alias
    When I run "kubectl exec client -- dig +short google-svc.default.svc.cluster.local"
    Then the output should be:
      """
      google.com.
      142.250.196.110
      """
    When I run "kubectl exec client -- dig +short CNAME google-svc.default.svc.cluster.local"
    Then the output should be:
      """
      google.com.
      """

  Scenario: host says it is an alias
    When I run "kubectl exec client -- host google-svc"
    Then the command should succeed
    And the output should be:
      """
      google-svc.default.svc.cluster.local is an alias for google.com.
      google.com has address 142.250.196.110
      """

  Scenario: getent and curl resolve the alias with the same resolver
    When I run "kubectl exec client -- getent hosts google-svc"
    Then the output should be:
      """
      142.250.196.110 google.com google-svc.default.svc.cluster.local
      """
    When I run "kubectl exec client -- curl -sS -o /dev/null -w '%{http_code} %{remote_ip}\n' google-svc"
    Then the output should be:
      """
      301 142.250.196.110
      """

  Scenario: the Service has no ClusterIP, so there is no reverse record for it
    When I run "kubectl get svc google-svc -o jsonpath='{.spec.clusterIP}'"
    Then the output should be:
      """
      """
    When I run "kubectl exec client -- dig +short -x 142.250.196.110"
    Then the output should not contain "google-svc"
