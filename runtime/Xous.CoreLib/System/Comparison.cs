namespace System;

/// <summary>An ordering of two values: negative, zero or positive.</summary>
public delegate int Comparison<in T>(T x, T y);
