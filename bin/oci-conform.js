#!/usr/bin/env node
import '../dist/oci-conform.mjs';
