# Bad manifests: every kind of mistake a student makes in a YAML file gets
# the error kubectl 1.33 prints against a k3s v1.33 API server, and the bad
# object never reaches the store. Sources of the texts:
# - cli-runtime pkg/resource/visitor.go (`error parsing %s: %v`,
#   `unable to decode %q: %v`), mapper.go (`resource mapping not found ...`);
# - sigs.k8s.io/yaml goyaml.v2 (`yaml: line N: ...`: parser errors name the
#   line above the bad token, scanner errors the line itself);
# - apiserver handlers (`%s in version %q cannot be handled as a %s: %v`,
#   strict decoding errors), encoding/json UnmarshalTypeError;
# - pkg/apis/core/validation and apps/validation (field.Error texts),
#   kubectl pkg/cmd/util/helpers.go checkErr (`The Service "web" is invalid: ...`).
Feature: Bad manifests get kubectl's located error and change nothing

  Background:
    Given a k3s cluster

  Scenario: an unknown field is rejected by the server's strict field validation
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        portss:
        - port: 80
      """
    When I run "kubectl apply -f svc.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.portss"
      """
    When I run "kubectl get svc web"
    Then the output should be:
      """
      Error from server (NotFound): services "web" not found
      """

  Scenario: an unknown field inside a container names its full path
    Given the file "pod.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: web
          imagee: nginx
          image: nginx
      """
    When I run "kubectl apply -f pod.yaml"
    Then the output should be:
      """
      Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"
      """
    When I run "kubectl get pods"
    Then the output should be:
      """
      No resources found in default namespace.
      """

  Scenario: a string where the API wants a number
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        ports:
        - port: "eighty"
      """
    When I run "kubectl apply -f svc.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32
      """

  Scenario: a number where the API wants a string (an env value without quotes)
    Given the file "pod.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: web
          image: nginx
          env:
          - name: PORT
            value: 8080
      """
    When I run "kubectl apply -f pod.yaml"
    Then the output should be:
      """
      Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string
      """

  Scenario: a tab in the indentation is a YAML syntax error on its line
    When I run:
      """
      printf 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n' > pod.yaml
      kubectl apply -f pod.yaml
      """
    Then the exit code should be 1
    And the output should be:
      """
      error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token
      """

  Scenario: a key indented one column too little: go-yaml names the line above it
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
       spec:
        ports:
        - port: 80
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      error: error parsing svc.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key
      """
    When I run "kubectl get svc web"
    Then the command should fail

  Scenario: a key without its colon: go-yaml names the line after it
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name web
        labels: {}
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      error: error parsing svc.yaml: error converting YAML to JSON: yaml: line 5: could not find expected ':'
      """

  Scenario: a value with a colon and a space in it
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector: app: web
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      error: error parsing svc.yaml: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context
      """

  Scenario: a repeated key is no error: the last value wins, as sigs.k8s.io/yaml reads it
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        name: web2
      spec:
        ports:
        - port: 80
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      service/web2 created
      """

  Scenario: a document without kind cannot be decoded
    Given the file "pod.yaml" with:
      """
      apiVersion: v1
      metadata:
        name: web
      """
    When I run "kubectl apply -f pod.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      error: unable to decode "pod.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"web"}}'
      """

  Scenario: a misspelt kind has no resource mapping
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Servic
      metadata:
        name: web
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      error: resource mapping not found for name: "web" namespace: "" from "svc.yaml": no matches for kind "Servic" in version "v1"
      ensure CRDs are installed first
      """

  Scenario: a kind in an API version the server does not serve
    Given the file "deploy.yaml" with:
      """
      apiVersion: apps/v2
      kind: Deployment
      metadata:
        name: web
      """
    When I run "kubectl apply -f deploy.yaml"
    Then the output should be:
      """
      error: resource mapping not found for name: "web" namespace: "" from "deploy.yaml": no matches for kind "Deployment" in version "apps/v2"
      ensure CRDs are installed first
      """

  Scenario: a name that is not a DNS subdomain
    Given the file "pod.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: Web_1
      spec:
        containers:
        - name: web
          image: nginx
      """
    When I run "kubectl apply -f pod.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      The Pod "Web_1" is invalid: metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
      """

  Scenario: a missing name
    Given the file "pod.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        labels:
          app: web
      spec:
        containers:
        - name: web
          image: nginx
      """
    When I run "kubectl apply -f pod.yaml"
    Then the output should be:
      """
      The Pod "" is invalid: metadata.name: Required value: name or generateName is required
      """

  Scenario: a label value with a space
    Given the file "pod.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels:
          app: "my app"
      spec:
        containers:
        - name: web
          image: nginx
      """
    When I run "kubectl apply -f pod.yaml"
    Then the output should be:
      """
      The Pod "web" is invalid: metadata.labels: Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
      """
    When I run "kubectl get pod web"
    Then the output should be:
      """
      Error from server (NotFound): pods "web" not found
      """

  Scenario: a container without an image
    Given the file "pod.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: web
      """
    When I run "kubectl apply -f pod.yaml"
    Then the output should be:
      """
      The Pod "web" is invalid: spec.containers[0].image: Required value
      """

  @NodePort
  Scenario: a nodePort outside the k3s range
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: NodePort
        selector:
          app: web
        ports:
        - port: 80
          nodePort: 40000
      """
    When I run "kubectl apply -f svc.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767
      """
    When I run "kubectl get svc"
    Then the output should not contain "web"

  @NodePort
  Scenario: a misspelt Service type
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: Nodeport
        ports:
        - port: 80
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      The Service "web" is invalid: spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"
      """

  Scenario: the same port twice
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        ports:
        - name: a
          port: 80
        - name: b
          port: 80
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      The Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}
      """

  Scenario: several invalid fields are listed one a line
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        ports:
        - port: 80
        - port: 443
          protocol: tcp
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      The Service "web" is invalid: 
      * spec.ports[0].name: Required value
      * spec.ports[1].name: Required value
      * spec.ports[1].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"
      """

  Scenario: a Deployment whose selector does not match its template's labels
    Given the file "deploy.yaml" with:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: x
          spec:
            containers:
            - name: web
              image: nginx
      """
    When I run "kubectl apply -f deploy.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`
      """
    When I run "kubectl get deploy,rs,pods"
    Then the output should be:
      """
      No resources found in default namespace.
      """

  @ClusterIP
  Scenario: re-applying a Service with another clusterIP is refused and the Service keeps its IP
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        clusterIP: 10.43.100.100
        selector:
          app: web
        ports:
        - port: 80
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      service/web created
      """
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        clusterIP: 10.43.100.101
        selector:
          app: web
        ports:
        - port: 80
      """
    When I run "kubectl apply -f svc.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.43.100.101"}: may not change once set
      """
    When I run "kubectl get svc web -o jsonpath='{.spec.clusterIP}'"
    Then the output should be:
      """
      10.43.100.100
      """

  Scenario: re-applying a Deployment with another selector is refused
    Given the file "deploy.yaml" with:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
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
            - name: web
              image: nginx
      """
    When I run "kubectl apply -f deploy.yaml"
    Then the output should be:
      """
      deployment.apps/web created
      """
    Given the file "deploy.yaml" with:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: web2
        template:
          metadata:
            labels:
              app: web2
          spec:
            containers:
            - name: web
              image: nginx
      """
    When I run "kubectl apply -f deploy.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable
      """
    When I run "kubectl get deploy web -o jsonpath='{.spec.selector.matchLabels.app}'"
    Then the output should be:
      """
      web
      """

  Scenario: one bad document in a multi-document file: the good ones are applied, the error comes last
    Given the file "app.yaml" with:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: good1
      spec:
        containers:
        - name: web
          image: nginx
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: bad
      spec:
        portss:
        - port: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: good2
      spec:
        ports:
        - port: 80
      """
    When I run "kubectl apply -f app.yaml"
    Then the exit code should be 1
    And the output should be:
      """
      pod/good1 created
      service/good2 created
      Error from server (BadRequest): error when creating "app.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.portss"
      """
    When I run "kubectl get svc -o name"
    Then the output should be:
      """
      service/good2
      service/kubernetes
      """

  Scenario: a file whose namespace differs from -n
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: kube-system
      spec:
        ports:
        - port: 80
      """
    When I run "kubectl apply -f svc.yaml -n default"
    Then the output should be:
      """
      error: the namespace from the provided object "kube-system" does not match the namespace "default". You must pass '--namespace=kube-system' to perform this operation.
      """

  Scenario: a namespace that does not exist
    Given the file "svc.yaml" with:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: nope
      spec:
        ports:
        - port: 80
      """
    When I run "kubectl apply -f svc.yaml"
    Then the output should be:
      """
      Error from server (NotFound): error when creating "svc.yaml": namespaces "nope" not found
      """

  Scenario: a file that is not there, and an empty one
    When I run:
      """
      kubectl apply -f nope.yaml
      touch empty.yaml
      kubectl apply -f empty.yaml
      """
    Then the output should be:
      """
      error: the path "nope.yaml" does not exist
      error: no objects passed to apply
      """
