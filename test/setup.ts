import { afterAll } from "vitest";
import { removeTempDirs } from "./helpers.ts";

afterAll(removeTempDirs);
