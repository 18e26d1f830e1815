package io.gwctl.validators;
