/**
 * Best-practice rules: host access. Each rule has a firing case (annotated under the offending
 * span) and a clean case; only the rules named in a test are looked at.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated } from '../../../support/annotations';
import { lines } from '../../../support/text';

describe('best practices: host access', () => {
  test('host-network, host-pid, host-ipc: each flag set to true', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      hostNetwork: true',
      '#     ^^^^^^^^^^^^^^^^^ warning host-network: The pod shares the node\'s network namespace (its interfaces and ports): remove "hostNetwork: true" unless the workload must manage the node.',
      '      hostPID: true',
      '#     ^^^^^^^^^^^^^ warning host-pid: The pod shares the node\'s process namespace (it can see and signal every process): remove "hostPID: true" unless the workload must manage the node.',
      '      hostIPC: true',
      '#     ^^^^^^^^^^^^^ warning host-ipc: The pod shares the node\'s IPC namespace (shared memory of host processes): remove "hostIPC: true" unless the workload must manage the node.',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['host-network','host-pid','host-ipc'] }), text);
  });

  test('host-network, host-pid, host-ipc: false is fine', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      hostNetwork: false',
      '      hostPID: false',
      '      hostIPC: false',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['host-network','host-pid','host-ipc'] }), text);
  });

  test('host-path: sensitive host directories', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      volumes:',
      '      - name: etc',
      '        hostPath: {path: /etc/}',
      '#                        ^^^^^ warning host-path: Volume "etc" mounts the node\'s /etc: mount only the files the pod needs, or use a ConfigMap, Secret or emptyDir instead.',
      '      - name: kubelet',
      '        hostPath:',
      '          path: /var/lib/kubelet/pki',
      '#               ^^^^^^^^^^^^^^^^^^^^ warning host-path: Volume "kubelet" mounts the node\'s /var/lib/kubelet/pki: mount only the files the pod needs, or use a ConfigMap, Secret or emptyDir instead.',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['host-path'] }), text);
  });

  test('host-path: /var/log and the runtime socket are left to other rules', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      volumes:',
      '      - name: logs',
      '        hostPath: {path: /var/log}',
      '      - name: sock',
      '        hostPath: {path: /run/containerd/containerd.sock}',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['host-path'] }), text);
  });

  test('docker-sock: docker and containerd sockets', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      volumes:',
      '      - name: docker',
      '        hostPath: {path: /var/run/docker.sock}',
      '#                        ^^^^^^^^^^^^^^^^^^^^ warning docker-sock: Volume "docker" mounts the container runtime socket /var/run/docker.sock, which gives control of the node: remove it.',
      '      - name: containerd',
      '        hostPath: {path: /run/containerd/containerd.sock}',
      '#                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning docker-sock: Volume "containerd" mounts the container runtime socket /run/containerd/containerd.sock, which gives control of the node: remove it.',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['docker-sock'] }), text);
  });

  test('docker-sock: other hostPath volumes are fine', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      volumes:',
      '      - name: logs',
      '        hostPath: {path: /var/run/app}',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['docker-sock'] }), text);
  });

  test('writable-host-path: a hostPath volume mounted without readOnly', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      volumes:',
      '      - name: logs',
      '        hostPath: {path: /var/log}',
      '      - name: scratch',
      '        emptyDir: {}',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '        volumeMounts:',
      '        - name: logs',
      '          mountPath: /var/log',
      '#         ^^^^^^^^^^^^^^^^^^^ info writable-host-path: Container "web" mounts the hostPath volume "logs" (/var/log) writable: add readOnly: true to the mount if it only reads.',
      '        - name: scratch',
      '          mountPath: /tmp',
    );
    assert.equal(checkAnnotated(text, { rules: ['writable-host-path'] }), text);
  });

  test('writable-host-path: readOnly: true is fine', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      volumes:',
      '      - name: logs',
      '        hostPath: {path: /var/log}',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '        volumeMounts:',
      '        - {name: logs, mountPath: /var/log, readOnly: true}',
    );
    assert.equal(checkAnnotated(text, { rules: ['writable-host-path'] }), text);
  });

  test('host-port: a hostPort binds the node', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '        ports:',
      '        - containerPort: 8080',
      '          hostPort: 8080',
      '#         ^^^^^^^^^^^^^^ warning host-port: Container "web" binds port 8080 on the node: remove hostPort and expose the port through a Service.',
    );
    assert.equal(checkAnnotated(text, { rules: ['host-port'] }), text);
  });

  test('host-port: no hostPort, or hostPort: 0, is fine', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '        ports:',
      '        - {containerPort: 8080, hostPort: 0}',
      '        - containerPort: 9090',
    );
    assert.equal(checkAnnotated(text, { rules: ['host-port'] }), text);
  });

  test('unsafe-sysctls: a sysctl outside the safe set', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      securityContext:',
      '        sysctls:',
      '        - {name: kernel.msgmax, value: "65536"}',
      '#                ^^^^^^^^^^^^^ warning unsafe-sysctls: The sysctl kernel.msgmax is not in the kubelet\'s safe set: remove it, or schedule the pod only on nodes that allow it.',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['unsafe-sysctls'] }), text);
  });

  test('unsafe-sysctls: safe sysctls are fine', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      securityContext:',
      '        sysctls:',
      '        - {name: net.ipv4.tcp_syncookies, value: "1"}',
      '        - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
    );
    assert.equal(checkAnnotated(text, { rules: ['unsafe-sysctls'] }), text);
  });

});
