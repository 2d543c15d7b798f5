namespace System;

/// <summary>A test of one value.</summary>
public delegate bool Predicate<in T>(T obj);
