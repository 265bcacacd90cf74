# Chapter 6.1.4 and 6.1.5: a Service's DNS names, the pod's resolv.conf and
# the cluster DNS server in kube-system.
@ClusterIP @DNS
Feature: 6.1.4 Service domain names and the cluster DNS server

  Background:
    Given a k3s cluster
    And the file "K8S/CH05/myservice.yaml" with:
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
      kubectl exec client -- sh -c "apt update && apt install -y dnsutils"
      SVC_IP=$(kubectl get svc myservice -o jsonpath='{.spec.clusterIP}')
      """

  Scenario Outline: <name> resolves to the Service's ClusterIP
    When I run "kubectl exec client -- nslookup <name>"
    Then the command should succeed
    And the output should be:
      """
      Server:		10.43.0.10
      Address:	10.43.0.10#53

      Name:	myservice.default.svc.cluster.local
      Address: $SVC_IP
      """

    Examples:
      | name                                |
      | myservice.default.svc.cluster.local |
      | myservice.default.svc               |
      | myservice.default                   |
      | myservice                           |

  Scenario: a name in another namespace needs the namespace
    When I run:
      """
      kubectl create namespace other
      kubectl run client2 -n other --image nginx
      kubectl exec -n other client2 -- sh -c "apt update && apt install -y dnsutils" > /dev/null
      kubectl exec -n other client2 -- nslookup myservice.default
      """
    Then the output should contain "Name:	myservice.default.svc.cluster.local"
    And the output should contain "Address: $SVC_IP"
    When I run "kubectl exec -n other client2 -- nslookup myservice"
    Then the exit code should be 1
    And the output should contain "** server can't find myservice: NXDOMAIN"

  Scenario: the pod's resolv.conf points at the cluster DNS
    When I run "kubectl exec client -- cat /etc/resolv.conf"
    Then the output should be:
      """
      search default.svc.cluster.local svc.cluster.local cluster.local
      nameserver 10.43.0.10
      options ndots:5
      """

  Scenario: kube-dns is a Service in kube-system, served by CoreDNS
    When I run "kubectl get svc -n kube-system"
    Then the output should match "^kube-dns\s+ClusterIP\s+10\.43\.0\.10\s+<none>\s+53/UDP,53/TCP,9153/TCP\s+\S+$"
    When I run "kubectl get svc kube-dns -nkube-system --show-labels"
    Then the output should match "^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+LABELS$"
    And the output should contain "k8s-app=kube-dns"
    And the output should contain "kubernetes.io/name=CoreDNS"
    When I run "kubectl get pod -n kube-system -l k8s-app=kube-dns"
    Then the output should match "^coredns-[a-z0-9]+-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\S+$"
