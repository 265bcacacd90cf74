# kubectl get in its common forms on a fresh k3s v1.33 cluster: tables,
# -o name / custom-columns / jsonpath, selectors, --sort-by, namespaces,
# cluster-scoped kinds, and the discovery commands. Texts from kubectl
# v0.33.5 (pkg/cmd/get, pkg/printers/internalversion/printers.go,
# pkg/cmd/apiresources, pkg/cmd/version) and the 1.33 API server.
Feature: kubectl get and friends

  Background:
    Given a k3s cluster

  Scenario: get all lists pods, Services, Deployments and ReplicaSets, one table each
    When I run "kubectl create deployment web --image nginx --replicas 2"
    And I run "kubectl get all"
    Then the output should match "^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\npod/web-[a-z0-9]{8,10}-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\d+s\npod/web-"
    And the output should match "^\nNAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nservice/kubernetes\s+ClusterIP\s+10\.43\.0\.1\s+<none>\s+443/TCP\s+\d+m"
    And the output should match "^\nNAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\ndeployment\.apps/web\s+2/2\s+2\s+2\s+\d+s$"
    And the output should match "^\nNAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nreplicaset\.apps/web-[a-z0-9]{8,10}\s+2\s+2\s+2\s+\d+s$"

  Scenario: get rs,deploy prints the kinds in the order asked, with kind/name
    When I run "kubectl create deployment web --image nginx"
    And I run "kubectl get rs,deploy"
    Then the output should match "^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nreplicaset\.apps/web-[a-z0-9]+\s+1\s+1\s+1\s+\d+s\n\nNAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\ndeployment\.apps/web\s+1/1\s+1\s+1\s+\d+s$"

  Scenario: a set-based selector with --show-labels
    When I run:
      """
      kubectl run a --image nginx --labels app=web,tier=fe
      kubectl run b --image nginx --labels app=db
      kubectl run c --image nginx --labels app=cache
      """
    And I run "kubectl get pods --show-labels -l 'app in (web,db)'"
    Then the output should match "^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+LABELS\na\s+1/1\s+Running\s+0\s+\d+s\s+app=web,tier=fe\nb\s+1/1\s+Running\s+0\s+\d+s\s+app=db$"
    When I run "kubectl get pods -l 'app notin (web,db)' -o name"
    Then the output should be:
      """
      pod/c
      """
    When I run "kubectl get pods -l tier -o name"
    Then the output should be:
      """
      pod/a
      """

  Scenario: -o custom-columns and -o jsonpath read fields; missing ones are <none>
    When I run "kubectl run a --image nginx --port 80"
    And I run "kubectl get pod a -o custom-columns=NAME:.metadata.name,PORT:.spec.containers[0].ports[0].containerPort,NODE:.spec.nodeSelector"
    Then the output should match "^NAME\s+PORT\s+NODE\na\s+80\s+<none>$"
    When I run "kubectl get pod a -o jsonpath='{.metadata.labels.run}{\"\n\"}'"
    Then the output should be:
      """
      a
      """

  Scenario: --sort-by sorts rows as strings, and names a field nobody has
    When I run "kubectl get svc -A --sort-by=.spec.clusterIP -o custom-columns=NAME:.metadata.name,IP:.spec.clusterIP"
    Then the output should match "^NAME\s+IP\nkubernetes\s+10\.43\.0\.1\nkube-dns\s+10\.43\.0\.10\n"
    When I run "kubectl get pods -A --sort-by=.metadata.nope"
    Then the exit code should be 1
    And the output should be:
      """
      error: couldn't find any field with path "{.metadata.nope}" in the list of objects
      """

  Scenario: get pod -o yaml shows what the API server filled in, without managedFields
    When I run "kubectl run a --image nginx"
    And I run "kubectl get pod a -o yaml"
    Then the output should match "^apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: \"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ\"\n"
    And the output should contain:
      """
        labels:
          run: a
        name: a
        namespace: default
      """
    And the output should contain "  dnsPolicy: ClusterFirst"
    And the output should contain "  restartPolicy: Always"
    And the output should contain "  phase: Running"
    And the output should not contain "managedFields"

  Scenario: Endpoints and EndpointSlices of the kubernetes Service; v1 Endpoints is deprecated in 1.33
    When I run "kubectl get ep"
    Then the output should match "^Warning: v1 Endpoints is deprecated in v1\.33\+; use discovery\.k8s\.io/v1 EndpointSlice\nNAME\s+ENDPOINTS\s+AGE\nkubernetes\s+192\.168\.164\.130:6443\s+\d+m$"
    When I run "kubectl get endpointslices"
    Then the output should match "^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\nkubernetes\s+IPv4\s+6443\s+192\.168\.164\.130\s+\d+m$"

  Scenario: events of a new Deployment, in the default namespace and across all
    When I run "kubectl create deployment web --image nginx"
    And I run "kubectl get events"
    Then the output should match "^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$"
    And the output should match "Normal\s+ScalingReplicaSet\s+deployment/web\s+Scaled up replica set web-[a-z0-9]+ from 0 to 1$"
    And the output should match "Normal\s+SuccessfulCreate\s+replicaset/web-[a-z0-9]+\s+Created pod: web-[a-z0-9]+-[a-z0-9]{5}$"
    And the output should match "Normal\s+Pulling\s+pod/web-[a-z0-9]+-[a-z0-9]{5}\s+Pulling image \"nginx\"$"
    And the output should match "Normal\s+Started\s+pod/web-[a-z0-9]+-[a-z0-9]{5}\s+Started container nginx$"
    When I run "kubectl get events -A"
    Then the output should match "^NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$"
    And the output should match "^kube-system\s+\d+m\s+Normal\s+Scheduled\s+pod/coredns-"
    And the output should match "^default\s+\d+s\s+Normal\s+ScalingReplicaSet\s+deployment/web\s"

  Scenario: -n on a cluster-scoped kind is ignored; a namespace that does not exist is empty
    When I run "kubectl get nodes -n nope -o name"
    Then the output should be:
      """
      node/master
      node/worker1
      """
    When I run "kubectl get pods -n nope"
    Then the command should succeed
    And the output should be:
      """
      No resources found in nope namespace.
      """
    When I run "kubectl run x --image nginx -n nope"
    Then the exit code should be 1
    And the output should be:
      """
      Error from server (NotFound): namespaces "nope" not found
      """

  Scenario: names that are not there, and a type that is not there
    When I run "kubectl get pods a b"
    Then the exit code should be 1
    And the output should be:
      """
      Error from server (NotFound): pods "a" not found
      Error from server (NotFound): pods "b" not found
      """
    When I run "kubectl get foo"
    Then the output should be:
      """
      error: the server doesn't have a resource type "foo"
      """

  Scenario: nodes -o wide shows the OS, kernel and container runtime
    When I run "kubectl get nodes -o wide"
    Then the output should match "^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME$"
    And the output should match "^master\s+Ready\s+control-plane,master\s+\d+m\s+v1\.33\.\d+\+k3s1\s+192\.168\.164\.130\s+<none>\s+\S.*\s+\S+\s+containerd://\S+-k3s1$"
    And the output should match "^worker1\s+Ready\s+<none>\s+\d+m\s+v1\.33\.\d+\+k3s1\s+192\.168\.164\.131\s+<none>\s"

  Scenario: kubectl version and cluster-info on k3s
    When I run "kubectl version"
    Then the output should match "^Client Version: v1\.33\.\d+\+k3s1\nKustomize Version: v5\.6\.0\nServer Version: v1\.33\.\d+\+k3s1$"
    When I run "kubectl cluster-info"
    Then the output should contain "Kubernetes control plane is running at https://127.0.0.1:6443"
    And the output should contain "CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy"

  Scenario: api-resources lists the kinds with their short names
    When I run "kubectl api-resources"
    Then the output should match "^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$"
    And the output should match "^services\s+svc\s+v1\s+true\s+Service$"
    And the output should match "^deployments\s+deploy\s+apps/v1\s+true\s+Deployment$"
    And the output should match "^endpointslices\s+discovery\.k8s\.io/v1\s+true\s+EndpointSlice$"
    And the output should match "^networkpolicies\s+netpol\s+networking\.k8s\.io/v1\s+true\s+NetworkPolicy$"
    When I run "kubectl api-resources --namespaced=false -o name"
    Then the output should contain:
      """
      namespaces
      nodes
      """
