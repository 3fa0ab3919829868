#!/usr/bin/env node
import '../dist/oci-validate.mjs';
