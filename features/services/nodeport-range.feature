# Issue 4: the NodePort range is the API server's --service-node-port-range
# (k3s server flag); a nodePort outside it is rejected with the range named.
@NodePort
Feature: NodePort range

  Scenario: another node port range, set with --service-node-port-range
    Given a k3s cluster started with "--service-node-port-range=20000-22767"
    And the file "np.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: NodePort
        selector:
          run: web
        ports:
        - port: 80
          nodePort: 30080
      """
    When I run "kubectl apply -f np.yaml"
    Then the output should be:
      """
      The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is not in the valid range. The range of valid ports is 20000-22767
      """

