# Recipe: let only one application reach a server. The policy selects the
# server (spec.podSelector) and allows peers by label (from.podSelector);
# a podSelector peer alone means pods of the policy's own namespace.
@NetworkPolicy
Feature: Allow traffic to an application only from another application

  Background:
    Given a k3s cluster
    When I run:
      """
      kubectl create namespace shop
      kubectl create namespace other
      kubectl run web -n shop --image nginx --labels app=web
      kubectl run api -n shop --image nginx --labels app=api
      kubectl run batch -n shop --image nginx --labels app=batch
      kubectl run api -n other --image nginx --labels app=api
      """

  Scenario: web admits only pods labelled app=api of its own namespace
    Given the file "web-allow-api.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web-allow-api
        namespace: shop
      spec:
        podSelector:
          matchLabels:
            app: web
        ingress:
        - from:
          - podSelector:
              matchLabels:
                app: api
      """
    When I run:
      """
      kubectl apply -f web-allow-api.yaml
      kubectl get netpol -n shop
      """
    Then the output should contain:
      """
      NAME            POD-SELECTOR   AGE
      web-allow-api   app=web        0s
      """
    And the reachability on TCP port 80 should be:
      | from\to    | shop/web | shop/api | shop/batch | other/api |
      | shop/web   | .        | .        | .          | .         |
      | shop/api   | .        | .        | .          | .         |
      | shop/batch | X        | .        | .          | .         |
      | other/api  | X        | .        | .          | .         |
    When I run:
      """
      WEB=$(kubectl get pod web -n shop -o jsonpath='{.status.podIP}')
      kubectl exec -n other api -- curl -sS --max-time 5 http://$WEB/
      """
    Then the exit code should be 7
    And the output should contain "command terminated with exit code 7"
    And the reason should contain "ingress to shop/web is selected by NetworkPolicy shop/web-allow-api, and no rule allows other/api on TCP 80"

  Scenario: kubectl describe spells out the rule, with the defaulted policy type
    Given the file "web-allow-api.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web-allow-api
        namespace: shop
      spec:
        podSelector:
          matchLabels:
            app: web
        ingress:
        - from:
          - podSelector:
              matchLabels:
                app: api
      """
    When I run:
      """
      kubectl apply -f web-allow-api.yaml
      kubectl describe netpol web-allow-api -n shop
      """
    Then the output should contain:
      """
      Spec:
        PodSelector:     app=web
        Allowing ingress traffic:
          To Port: <any> (traffic allowed to all ports)
          From:
            PodSelector: app=api
        Not affecting egress traffic
        Policy Types: Ingress
      """
    When I run "kubectl get netpol web-allow-api -n shop -o jsonpath='{.spec.policyTypes}'"
    Then the output should be:
      """
      ["Ingress"]
      """

  Scenario: wrong — the policy selects the client instead of the server
    # spec.podSelector picks the pods the policy protects. Selecting app=api
    # isolates the api pod (only api pods may reach it) and leaves web open.
    Given the file "web-allow-api.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web-allow-api
        namespace: shop
      spec:
        podSelector:
          matchLabels:
            app: api
        ingress:
        - from:
          - podSelector:
              matchLabels:
                app: api
      """
    When I run "kubectl apply -f web-allow-api.yaml"
    Then the reachability on TCP port 80 should be:
      | from\to    | shop/web | shop/api | shop/batch | other/api |
      | shop/web   | .        | X        | .          | .         |
      | shop/api   | .        | .        | .          | .         |
      | shop/batch | .        | X        | .          | .         |
      | other/api  | .        | X        | .          | .         |
    When I run:
      """
      API=$(kubectl get pod api -n shop -o jsonpath='{.status.podIP}')
      kubectl exec -n shop web -- curl -sS --max-time 5 http://$API/
      """
    Then the exit code should be 7
    And the reason should contain "ingress to shop/api is selected by NetworkPolicy shop/web-allow-api, and no rule allows shop/web on TCP 80"

  Scenario: wrong — a label the client does not carry locks everybody out
    # The pods were started with --labels app=api; a rule for role=api
    # matches none of them.
    Given the file "web-allow-api.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web-allow-api
        namespace: shop
      spec:
        podSelector:
          matchLabels:
            app: web
        ingress:
        - from:
          - podSelector:
              matchLabels:
                role: api
      """
    When I run:
      """
      kubectl apply -f web-allow-api.yaml
      kubectl get pods -n shop -l role=api
      """
    Then the output should contain "No resources found in shop namespace."
    And the reachability on TCP port 80 should be:
      | from\to    | shop/web | shop/api |
      | shop/api   | X        | .        |
      | shop/batch | X        | .        |
    When I run "kubectl label pod api -n shop role=api"
    Then the output should contain "pod/api labeled"
    And the reachability on TCP port 80 should be:
      | from\to    | shop/web | shop/api |
      | shop/api   | .        | .        |
      | shop/batch | X        | .        |
