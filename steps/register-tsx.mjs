// For plain `npx cucumber-js`: lets Node load the TypeScript step files that
// follow in cucumber.json's "import" list. (`kube-netlab test` registers tsx
// itself, in bin/kube-netlab.js.)
import { register } from 'tsx/esm/api';

register();
