# The API server's side of NetworkPolicy: what it fills in (defaults) and
# what it refuses (validation), with its exact messages
# (kubernetes pkg/apis/networking/v1/defaults.go, pkg/apis/networking/validation/validation.go).
@NetworkPolicy
Feature: NetworkPolicy defaults and validation

  Background:
    Given a k3s cluster

  Scenario: policyTypes and protocol are filled in
    Given the file "web.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web
      spec:
        podSelector:
          matchLabels:
            app: web
        ingress:
        - ports:
          - port: 80
        egress:
        - to:
          - namespaceSelector: {}
      """
    When I run:
      """
      kubectl apply -f web.yaml
      kubectl get netpol web -o yaml
      """
    Then the output should contain:
      """
      spec:
        egress:
        - to:
          - namespaceSelector: {}
        ingress:
        - ports:
          - port: 80
            protocol: TCP
        podSelector:
          matchLabels:
            app: web
        policyTypes:
        - Ingress
        - Egress
      """

  Scenario: an empty egress list adds no Egress type
    Given the file "only-ingress.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: only-ingress
      spec:
        podSelector: {}
        egress: []
      """
    When I run "kubectl apply -f only-ingress.yaml && kubectl get netpol only-ingress -o jsonpath='{.spec.policyTypes}'"
    Then the output should contain:
      """
      networkpolicy.networking.k8s.io/only-ingress created
      ["Ingress"]
      """

  Scenario: wrong — policy types are capitalised
    Given the file "deny.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny
      spec:
        podSelector: {}
        policyTypes:
        - ingress
      """
    When I run "kubectl apply -f deny.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      The NetworkPolicy "deny" is invalid: spec.policyTypes[0]: Unsupported value: "ingress": supported values: "Ingress", "Egress"
      """

  Scenario: wrong — ports, protocols and peers the API server refuses
    Given the file "bad.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: bad
      spec:
        podSelector: {}
        ingress:
        - ports:
          - port: 70000
          - port: 80
            protocol: ICMP
          - port: http
            endPort: 8080
          from:
          - {}
      """
    When I run "kubectl apply -f bad.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      The NetworkPolicy "bad" is invalid: 
      * spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive
      * spec.ingress[0].ports[1].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"
      * spec.ingress[0].ports[2].endPort: Invalid value: 8080: may not be specified when `port` is non-numeric
      * spec.ingress[0].from[0]: Required value: must specify a peer
      """
    When I run "kubectl get netpol"
    Then the output should contain "No resources found in default namespace."

  Scenario: wrong — ingress written as a map instead of a list
    Given the file "allow.yaml" with:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow
      spec:
        podSelector: {}
        ingress:
          from:
          - podSelector: {}
      """
    When I run "kubectl apply -f allow.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      Error from server (BadRequest): error when creating "allow.yaml": NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: json: cannot unmarshal object into Go struct field NetworkPolicySpec.spec.ingress of type []v1.NetworkPolicyIngressRule
      """
