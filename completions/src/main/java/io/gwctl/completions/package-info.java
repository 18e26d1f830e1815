package io.gwctl.completions;
