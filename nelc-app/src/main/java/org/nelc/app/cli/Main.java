package org.nelc.app.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("nelc");
    }
}
