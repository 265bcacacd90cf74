# A container that keeps failing: what get, describe and logs show while
# the kubelet backs off (10s, 20s, 40s ... as kubelet's backoff does).
# describe's layout: kubectl v0.33.5 pkg/describe/describe.go
# (describeContainerState, DescribeEvents with `(xN over T)`); the BackOff
# message: kubelet pkg/kubelet/kuberuntime (`Back-off restarting failed
# container %s in pod %s`).
Feature: A pod in CrashLoopBackOff

  Background:
    Given a k3s cluster
    When I run "kubectl run crash --image busybox -- sh -c 'echo boom; exit 1'"
    Given 2 minutes pass

  Scenario: get pods shows the restarts and when the last one was
    When I run "kubectl get pod crash"
    Then the output should match "^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\ncrash\s+0/1\s+CrashLoopBackOff\s+[2-9] \(\d+s ago\)\s+2m$"

  Scenario: describe shows the waiting state, the last termination and the BackOff events
    When I run "kubectl describe pod crash"
    Then the output should contain:
      """
          State:          Waiting
            Reason:       CrashLoopBackOff
          Last State:     Terminated
            Reason:       Error
            Exit Code:    1
      """
    And the output should match "^    Restart Count:  [2-9]$"
    And the output should match "^    Ready:          False$"
    And the output should match "^  Warning  BackOff    \d+s \(x[2-9] over \d+s\)\s+kubelet\s+Back-off restarting failed container crash in pod crash_default\([0-9a-f-]{36}\)$"
    And the output should match "^  Normal   Started    \d+s \(x[3-9] over 2m\)\s+kubelet\s+Started container crash$"

  Scenario: logs show the last run, --previous the one before
    When I run "kubectl logs crash"
    Then the output should be:
      """
      boom
      """
    When I run "kubectl logs crash --previous"
    Then the output should be:
      """
      boom
      """
    When I run "kubectl logs crash -c nope"
    Then the exit code should be 1
    And the output should be:
      """
      error: container nope is not valid for pod crash
      """

  Scenario: a pod that never restarted has no previous logs
    When I run:
      """
      kubectl run web --image nginx
      kubectl logs web --previous
      """
    Then the exit code should be 1
    And the output should contain:
      """
      Error from server (BadRequest): previous terminated container "web" in pod "web" not found
      """
