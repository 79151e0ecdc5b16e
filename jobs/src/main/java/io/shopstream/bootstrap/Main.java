package io.shopstream.bootstrap; public class Main { public static void main(String[] a){} }
