# Recipe: allow by address range. An ipBlock peer matches addresses, minus
# its `except` ranges. k3s's kube-router matches pod addresses too, so an
# ipBlock over the pod network admits pods by where they run (each node
# owns a /24 of 10.42.0.0/16: master 10.42.0.0/24, worker1 10.42.1.0/24).
@NetworkPolicy
Feature: ipBlock peers

  Background:
    Given a k3s cluster
    And the file "pods.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: on-master
      spec:
        nodeName: master
        containers:
        - name: web
          image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: on-worker
      spec:
        nodeName: worker1
        containers:
        - name: web
          image: nginx
      """
    When I run:
      """
      kubectl apply -f pods.yaml
      kubectl run client --image nginx
      """

  Scenario: egress to the Internet but not to the pod network (DNS included, until a second policy allows it)
    Given the file "internet-only.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: internet-only
      spec:
        podSelector:
          matchLabels:
            run: client
        policyTypes:
        - Egress
        egress:
        - to:
          - ipBlock:
              cidr: 0.0.0.0/0
              except:
              - 10.42.0.0/16
      """
    When I run:
      """
      kubectl apply -f internet-only.yaml
      kubectl describe netpol internet-only
      """
    Then the output should contain:
      """
        Allowing egress traffic:
          To Port: <any> (traffic allowed to all ports)
          To:
            IPBlock:
              CIDR: 0.0.0.0/0
              Except: 10.42.0.0/16
      """
    And the reachability on TCP port 80 should be:
      | from\to        | default/on-master | default/on-worker |
      | default/client | X                 | X                 |
    # CoreDNS is a pod too (10.42.0.0/16): the except range cuts off DNS.
    When I run "kubectl exec client -- curl -sS --max-time 5 http://google.com"
    Then the exit code should be 6
    And the output should contain "curl: (6) Could not resolve host: google.com"
    And the reason should contain "egress from default/client is selected by NetworkPolicy default/internet-only, and no rule allows kube-system/coredns"
    Given the file "allow-dns.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-dns
      spec:
        podSelector: {}
        policyTypes:
        - Egress
        egress:
        - to:
          - namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: kube-system
            podSelector:
              matchLabels:
                k8s-app: kube-dns
          ports:
          - port: 53
            protocol: UDP
          - port: 53
            protocol: TCP
      """
    When I run:
      """
      kubectl apply -f allow-dns.yaml
      kubectl exec client -- curl -s -o /dev/null -w '%{http_code}\n' http://google.com
      """
    Then the output should contain "301"

  Scenario: ingress from the pods of one node only
    Given the file "from-master-pods.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: from-master-pods
      spec:
        podSelector:
          matchLabels:
            run: client
        ingress:
        - from:
          - ipBlock:
              cidr: 10.42.0.0/24
      """
    When I run "kubectl apply -f from-master-pods.yaml"
    Then the reachability on TCP port 80 should be:
      | from\to           | default/client |
      | default/on-master | .              |
      | default/on-worker | X              |

  Scenario: wrong — an except range outside the cidr is rejected by the API server
    Given the file "bad-ipblock.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: bad-ipblock
      spec:
        podSelector: {}
        ingress:
        - from:
          - ipBlock:
              cidr: 10.42.0.0/24
              except:
              - 10.42.1.0/24
            podSelector: {}
      """
    When I run "kubectl apply -f bad-ipblock.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      The NetworkPolicy "bad-ipblock" is invalid: 
      * spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.42.1.0/24": must be a strict subset of `cidr`
      * spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer
      """
    And the reachability on TCP port 80 should be:
      | from\to           | default/client |
      | default/on-worker | .              |
