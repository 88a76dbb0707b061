package dev.blendbench.bench;
public final class Dummy {}
