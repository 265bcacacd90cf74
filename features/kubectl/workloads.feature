# Workloads from the command line: create deployment, scale, label, expose,
# run with each restart policy, delete with its cascade. Texts from kubectl
# v0.33.5 (pkg/cmd/create, scale, label, expose, run, delete) and the
# controllers of a k3s v1.33 cluster.
Feature: kubectl create, scale, label, expose, run and delete

  Background:
    Given a k3s cluster

  Scenario: create deployment --replicas makes one ReplicaSet and that many pods
    When I run "kubectl create deployment web --image nginx --replicas 3"
    Then the output should be:
      """
      deployment.apps/web created
      """
    When I run "kubectl get deploy web"
    Then the output should match "^web\s+3/3\s+3\s+3\s+\d+s$"
    When I run "kubectl get pods -l app=web -o name | wc -l"
    Then the output should be:
      """
      3
      """

  Scenario: scale a Deployment: its ReplicaSet follows
    When I run:
      """
      kubectl create deployment web --image nginx --replicas 2
      kubectl scale deployment web --replicas 4
      """
    Then the output should contain "deployment.apps/web scaled"
    When I run "kubectl get rs"
    Then the output should match "^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nweb-[a-z0-9]+\s+4\s+4\s+4\s+\d+s$"
    When I run "kubectl scale deployment web --replicas=1"
    And I run "kubectl get rs -o jsonpath='{.items[0].spec.replicas}'"
    Then the output should be:
      """
      1
      """

  # client-go's EventCorrelator (tools/record/events_cache.go): from the 10th
  # distinct message of one reason about one object, a single combined event
  # whose count grows.
  Scenario: a ReplicaSet of 12 pods shows 9 SuccessfulCreate events and one combined event
    When I run "kubectl create deployment web --image nginx --replicas 12"
    And I run "kubectl describe rs | grep SuccessfulCreate | wc -l"
    Then the output should be:
      """
      10
      """
    When I run "kubectl describe rs"
    Then the output should match "^  Normal  SuccessfulCreate  \d+s \(x3 over \d+s\)\s+replicaset-controller\s+\(combined from similar events\): Created pod: web-[a-z0-9]+-[a-z0-9]{5}$"

  Scenario: scale something that is not there
    When I run "kubectl scale deployment nope --replicas 2"
    Then the exit code should be 1
    And the output should be:
      """
      error: no objects passed to scale deployments.apps "nope" not found
      """
    When I run "kubectl scale deployment --replicas 2"
    Then the output should be:
      """
      error: resource(s) were provided, but no name was specified
      """

  Scenario: label refuses to change a value without --overwrite
    When I run:
      """
      kubectl run a --image nginx
      kubectl label pod a run=b
      """
    Then the exit code should be 1
    And the output should contain:
      """
      pod/a created
      error: 'run' already has a value (a), and --overwrite is false
      """
    When I run:
      """
      kubectl label pod a run=b --overwrite
      kubectl label pod a tier=fe
      kubectl label pod a tier-
      kubectl label pod a tier-
      kubectl get pod a --show-labels
      """
    Then the output should match "^pod/a labeled\npod/a labeled\npod/a unlabeled\nlabel \"tier\" not found\.\npod/a not labeled\nNAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+LABELS\na\s+1/1\s+Running\s+0\s+\d+s\s+run=b$"

  @ClusterIP
  Scenario: expose a Deployment: the Service takes its selector, and its endpoints the pods
    When I run:
      """
      kubectl create deployment web --image nginx --replicas 2
      kubectl expose deployment web --port 80
      """
    Then the output should contain "service/web exposed"
    When I run "kubectl get svc web -o wide"
    Then the output should match "^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR\nweb\s+ClusterIP\s+10\.43\.\d+\.\d+\s+<none>\s+80/TCP\s+\d+s\s+app=web$"
    When I run "kubectl get endpointslices -l kubernetes.io/service-name=web"
    Then the output should match "^web-[a-z0-9]{5}\s+IPv4\s+80\s+10\.42\.\d+\.\d+,10\.42\.\d+\.\d+\s+\d+s$"
    When I run "kubectl expose deployment web --port 80"
    Then the output should be:
      """
      Error from server (AlreadyExists): services "web" already exists
      """

  Scenario: expose without a port when the pod declares none
    When I run:
      """
      kubectl run a --image nginx
      kubectl expose pod a
      """
    Then the output should contain "error: couldn't find port via --port flag or introspection"

  Scenario: run --restart=Never makes a bare pod that completes
    When I run "kubectl run once --image busybox --restart=Never -- echo hello"
    Then the output should be:
      """
      pod/once created
      """
    Given 10 seconds pass
    When I run "kubectl get pod once"
    Then the output should match "^once\s+0/1\s+Completed\s+0\s+\d+s$"
    When I run "kubectl logs once"
    Then the output should be:
      """
      hello
      """
    When I run "kubectl get deploy,rs,jobs"
    Then the output should be:
      """
      No resources found in default namespace.
      """

  Scenario: run --restart=OnFailure restarts a failing container
    When I run "kubectl run flaky --image busybox --restart=OnFailure -- sh -c 'exit 3'"
    And I run "kubectl get pod flaky -o jsonpath='{.spec.restartPolicy}'"
    Then the output should be:
      """
      OnFailure
      """
    Given 1 minute passes
    When I run "kubectl get pod flaky"
    Then the output should match "^flaky\s+0/1\s+CrashLoopBackOff\s+[1-9]\d* \(\d+s ago\)\s+\d+s$"

  Scenario: run with an unknown restart policy
    When I run "kubectl run x --image busybox --restart=Sometimes"
    Then the exit code should be 1
    And the output should be:
      """
      error: invalid restart policy: Sometimes
      See 'kubectl run -h' for help and examples
      """

  Scenario: deleting a Deployment deletes its ReplicaSet and pods
    When I run:
      """
      kubectl create deployment web --image nginx --replicas 2
      kubectl delete deployment web
      """
    Then the output should contain "deployment.apps \"web\" deleted"
    Given 1 minute passes
    When I run "kubectl get deploy,rs,pods"
    Then the output should be:
      """
      No resources found in default namespace.
      """
    When I run "kubectl delete deployment web"
    Then the output should be:
      """
      Error from server (NotFound): deployments.apps "web" not found
      """
