/** Inputs for the benchmark, generated: many Deployments with init containers, sidecars and resources; anchors. */

export function deployment(i: number): string {
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: bench
  labels:
    app: app-${i}
spec:
  replicas: ${1 + (i % 5)}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      initContainers:
        - name: init-db-${i}
          image: busybox:1.36
          command: ['sh', '-c', 'until nslookup db-${i}; do sleep 2; done']
          resources:
            requests: {cpu: 100m, memory: 32Mi}
        - name: logshipper
          image: fluent/fluent-bit:3.1
          restartPolicy: Always
          resources:
            requests: {cpu: 50m, memory: 64Mi}
            limits: {memory: 128Mi}
      containers:
        - name: app
          image: registry.example.com:5000/team/app-${i}:1.${i}
          imagePullPolicy: IfNotPresent
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: MODE
              value: production
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 512Mi
          readinessProbe:
            httpGet: {path: /healthz, port: http}
`;
}

/** About `lines` lines of Deployments. */
export function deployments(lines: number): string {
  const per = deployment(0).split('\n').length - 1;
  const count = Math.ceil(lines / per);
  return Array.from({ length: count }, (_, i) => deployment(i)).join('');
}

/** A Pod whose env values are `count` aliases of anchors defined in its annotations. */
export function anchors(count: number): string {
  const defs = Array.from({ length: count }, (_, i) => `    a${i}: &v${i} "value-${i}"`).join('\n');
  const uses = Array.from({ length: count }, (_, i) => `        - name: VAR_${i}\n          value: *v${i}`).join('\n');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: anchored\n  annotations:\n${defs}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n${uses}\n`;
}
