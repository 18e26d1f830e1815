package io.gwctl.renderers;
