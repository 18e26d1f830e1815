package io.gwctl.cli;
